// The host page's own script: its hash routes, a global click handler for
// its links (one that respects a handler before it, as routers do), and a
// record of the listeners folio's code adds to window and document (told by
// the call stack, which passes through folio's glue), so a test can see that
// an unmounted viewer leaves none behind. Runs before folio.js (document order).
const live = new Map();
const keyOf = (target, type) => `${target === window ? "window" : "document"}:${type}`;
const fromFolio = () => /folio-web/.test(new Error().stack);
for (const target of [window, document]) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (type, listener, options) => {
    if (fromFolio()) live.set(keyOf(target, type), (live.get(keyOf(target, type)) ?? 0) + 1);
    return add(type, listener, options);
  };
  target.removeEventListener = (type, listener, options) => {
    if (fromFolio()) live.set(keyOf(target, type), (live.get(keyOf(target, type)) ?? 0) - 1);
    return remove(type, listener, options);
  };
}
window.hostListeners = () => Object.fromEntries([...live].filter(([, n]) => n !== 0));

window.hostEvents = [];
for (const type of ["folio:ready", "folio:article-open"]) {
  document.addEventListener(type, (event) => {
    window.hostEvents.push({ type, target: event.target.id, detail: event.detail });
  });
}

window.hostClicks = 0;
document.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link || event.defaultPrevented) return;
  const href = link.getAttribute("href");
  if (!href?.startsWith("#")) return;
  event.preventDefault();
  window.hostClicks += 1;
  history.pushState(null, "", href);
  document.getElementById("host-status").textContent = `host route: ${href}`;
});
