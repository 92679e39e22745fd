// Starts the folio viewer. Everything is found relative to this file's own
// URL, so a page under any path, on any host, needs only this one script.
import init from "./folio-web.js";

init({ module_or_path: new URL("./folio-web_bg.wasm", import.meta.url) });
