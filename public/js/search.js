// The search page: starts Pagefind's UI with the bundle path and base URL the page was built with (path prefix included).
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  if (!element || typeof window.PagefindUI !== "function") return;
  // The index is built in bundles (a year or a month each); the newest is primary, the others are merged in.
  const bundles = (element.dataset.bundles || "").split(" ").filter(Boolean);
  const baseUrl = element.dataset.baseUrl;
  new window.PagefindUI({
    element: "#search",
    bundlePath: bundles[0],
    baseUrl,
    mergeIndex: bundles.slice(1).map((bundlePath) => ({ bundlePath, baseUrl })),
    showImages: false,
    showSubResults: true,
  });
  // Pagefind's input carries only a title; give it an accessible name once the UI has mounted.
  const label = () => {
    const input = element.querySelector("input");
    if (!input) return false;
    input.setAttribute("aria-label", "Search the archive");
    return true;
  };
  if (!label()) {
    const observer = new MutationObserver(() => {
      if (label()) observer.disconnect();
    });
    observer.observe(element, { childList: true, subtree: true });
  }
});
