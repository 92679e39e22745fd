// folio's loader: the one file a page names, under a name that never changes.
// It finds the viewer's other files relative to its own URL, so it works
// under any path of any host; `make dist` writes the content-hashed names of
// those files into ASSETS below.
//
//   <script type="module" src=".../folio.js"></script>
//   <div data-folio data-bundle=".../bundle.json"></div>
//
// mounts a viewer into every [data-folio] element. Pages that build their own
// UI call `mount(element, options)` (also `window.folio.mount`), which
// resolves to a handle with `unmount()` and `on(event, listener)`.
const ASSETS = { glue: "./folio-web.js", wasm: "./folio-web_bg.wasm", style: "./app.css" };

const here = (name) => new URL(name, import.meta.url);

// The viewer's stylesheet, unless the page links it already; resolves once
// it applies, so no viewer appears unstyled.
function addStylesheet() {
  const href = here(ASSETS.style).href;
  const links = document.querySelectorAll('link[rel~="stylesheet"]');
  if ([...links].some((link) => link.href === href)) return Promise.resolve();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  const applied = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  document.head.append(link);
  return applied;
}

// Loads the WebAssembly viewer; starting it mounts every [data-folio] element.
async function start() {
  const [glue] = await Promise.all([import(here(ASSETS.glue).href), addStylesheet()]);
  await glue.default({ module_or_path: here(ASSETS.wasm) });
  return glue;
}

// A page that loads folio twice (two tags, two copies) shares one instance.
const key = Symbol.for("folio");
globalThis[key] ??= start();

/** Resolves once the viewer is loaded and the page's [data-folio] elements are mounted. */
export const ready = globalThis[key];

// Mounted viewers, held until unmounted: the wasm object behind a handle is
// freed when JavaScript collects it, which would take the viewer off the page
// at a random moment if the host dropped its handle.
const live = new Set();

/**
 * Mounts a viewer into `element`. `options` takes the data attributes'
 * names: bundle, category, theme, lang, height, routing (see README.md).
 * The handle's `unmount()` removes the viewer and the listeners added with
 * `on()`.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) throw new TypeError("folio.mount: the first argument must be an element");
  const glue = await ready;
  const viewer = glue.mount(element, options);
  live.add(viewer);
  const listeners = [];
  return {
    element,
    unmount() {
      if (!live.delete(viewer)) return;
      for (const [type, listener] of listeners.splice(0)) element.removeEventListener(type, listener);
      viewer.unmount();
      viewer.free();
    },
    on(type, listener) {
      element.addEventListener(type, listener);
      listeners.push([type, listener]);
      return () => element.removeEventListener(type, listener);
    },
  };
}

// `window.folio` may already name an element with id="folio" (browsers expose
// ids as window properties), so test for the API rather than for a value.
if (typeof globalThis.folio?.mount !== "function") globalThis.folio = { mount, ready };
