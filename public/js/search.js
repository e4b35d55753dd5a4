// The search page: starts Pagefind's UI with the bundle path and base URL the page was built with (path prefix included).
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  if (!element || typeof window.PagefindUI !== "function") return;
  new window.PagefindUI({
    element: "#search",
    bundlePath: element.dataset.bundlePath,
    baseUrl: element.dataset.baseUrl,
    showImages: false,
    showSubResults: true,
  });
});
