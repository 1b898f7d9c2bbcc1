// Progressive enhancement only; every page works without script.
// Forms marked data-confirm ask before a destructive action (no inline script under the CSP).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
