// Progressive enhancement only; every page works without script.
// Forms marked data-confirm ask before a destructive action (no inline script under the CSP).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// Uploads marked data-upload show a progress bar: the form is sent by XMLHttpRequest and the page then goes
// where the server redirected (the same place a plain post lands, with the same message). Without script the
// form posts normally.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !("upload" in form.dataset) || event.defaultPrevented) {
    return;
  }
  const progress = form.querySelector("progress");
  if (!progress || typeof XMLHttpRequest === "undefined") {
    return;
  }
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  if (button) {
    button.disabled = true;
  }
  progress.classList.remove("d-none");
  progress.value = 0;
  const xhr = new XMLHttpRequest();
  xhr.open("POST", form.action);
  xhr.upload.addEventListener("progress", (e) => {
    if (e.lengthComputable) {
      progress.value = Math.round((e.loaded / e.total) * 100);
    }
  });
  xhr.addEventListener("load", () => {
    if (xhr.status === 413) {
      document.open();
      document.write(xhr.responseText);
      document.close();
      return;
    }
    // Back to the slot that was uploaded to; a same-page target must reload (a hash change alone would not).
    const target = new URL(xhr.responseURL || window.location.href);
    const slot = form.closest("[id]");
    if (slot) {
      target.hash = slot.id;
    }
    if (target.pathname + target.search === window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", target);
      window.location.reload();
    } else {
      window.location.assign(target);
    }
  });
  xhr.addEventListener("error", () => {
    if (button) {
      button.disabled = false;
    }
    progress.classList.add("d-none");
    window.alert(form.dataset.uploadError || "Không tải lên được tệp; hãy kiểm tra kết nối mạng rồi thử lại.");
  });
  xhr.send(new FormData(form));
});
