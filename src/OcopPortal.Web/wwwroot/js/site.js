// Progressive enhancement only; every page works without script.
// Forms marked data-confirm ask before a destructive action (no inline script under the CSP).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// Uploads marked data-upload show a progress bar: the form is sent by XMLHttpRequest and the page then shows
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
    // Back to the slot that was uploaded to. The request followed the redirect, so its response is the page the
    // server rendered, and that page already used up the one-time message ("uploaded", "file too large"):
    // loading it again would show it without the message. Same page: swap in the rendered content instead.
    const target = new URL(xhr.responseURL || window.location.href);
    const slot = form.closest("[id]");
    if (slot) {
      target.hash = slot.id;
    }
    const rendered = xhr.status === 200 ? new DOMParser().parseFromString(xhr.responseText, "text/html") : null;
    const main = document.querySelector("main");
    const renderedMain = rendered && rendered.querySelector("main");
    if (main && renderedMain && target.pathname + target.search === window.location.pathname + window.location.search) {
      document.title = rendered.title;
      main.innerHTML = renderedMain.innerHTML; // never runs scripts; the layout keeps them outside <main>
      if (window.htmx) {
        window.htmx.process(main);
      }
      window.history.replaceState(null, "", target);
      const back = slot && document.getElementById(slot.id);
      if (back) {
        back.scrollIntoView();
      }
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

// Buttons marked data-print print the page (the product page's print-friendly layout).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});

// A background (htmx) request the server refused (an expired antiforgery token answers 400) or that never reached
// it: htmx swaps nothing for these, so without this the person would believe their change was saved. The message
// (localised by the layout) goes into the element the request would have updated.
function showHtmxFailure(event, message) {
  const target = event.detail && event.detail.target;
  if (!(target instanceof HTMLElement) || !message) {
    return;
  }
  const alert = document.createElement("div");
  alert.className = "alert alert-danger py-2 my-2";
  alert.setAttribute("role", "alert");
  alert.dataset.testid = "request-failed";
  alert.textContent = message;
  target.replaceChildren(alert);
}

document.body.addEventListener("htmx:responseError", (event) => {
  const status = event.detail && event.detail.xhr ? event.detail.xhr.status : 0;
  const data = document.body.dataset;
  const message = status === 400 ? data.htmxRefused : `${data.htmxFailed || ""} (HTTP ${status})`;
  showHtmxFailure(event, message);
});

document.body.addEventListener("htmx:sendError", (event) => {
  showHtmxFailure(event, document.body.dataset.htmxOffline);
});
