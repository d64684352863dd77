// ThiĐua: behaviour shared by all pages. No inline scripts anywhere (CSP: script-src 'self').
(function () {
  "use strict";
  // Lazy tree: the first time a <details data-children-url> opens, load its children with htmx.
  document.addEventListener("toggle", function (event) {
    var node = event.target;
    if (!(node instanceof HTMLDetailsElement) || !node.open || node.dataset.loaded) return;
    var url = node.dataset.childrenUrl;
    if (!url || !window.htmx) return;
    node.dataset.loaded = "1";
    var target = node.querySelector("[data-children]");
    window.htmx.ajax("GET", url, { target: target, swap: "innerHTML" });
  }, true);
})();
