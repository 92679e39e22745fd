// The viewer inside an iframe (embed.html). Which bundle it shows comes from
// embed.json beside this file, never from the frame's URL, so nobody can
// make this origin show a bundle of their own. embed.json also lists the
// parent origins allowed to embed it; only those are told the content's
// height (see folio-frame.js and docs/hosting.md).
import { mount } from "./folio.js";

const response = await fetch(new URL("embed.json", import.meta.url), { cache: "no-cache" });
if (!response.ok) throw new Error(`folio embed: embed.json: HTTP ${response.status}`);
const { parents: listed = [], ...options } = await response.json();
// A list of origins; anything else (a lone string would match substrings)
// allows none.
const parents = Array.isArray(listed) ? listed : [];
if (!Array.isArray(listed)) console.warn('folio embed: embed.json\'s "parents" must be a list of origins');
await mount(document.getElementById("folio-embed"), { routing: "none", ...options });

// The embedding page's origin: Chromium and Safari tell it directly;
// elsewhere the referrer does (embed.html sends no referrer onward, but it
// receives the parent's origin under the default policy).
function parentOrigin() {
  if (location.ancestorOrigins?.length) return location.ancestorOrigins[0];
  try {
    return new URL(document.referrer).origin;
  } catch {
    return null;
  }
}

const parent = window.parent !== window ? parentOrigin() : null;
if (parent && parents.includes(parent)) {
  let last = -1;
  new ResizeObserver(() => {
    // The body's own height: the document's scrollHeight never shrinks
    // below the frame's current height, so a shorter view would keep a gap.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "folio:height", height }, parent);
  }).observe(document.body);
} else if (parent) {
  console.warn(`folio embed: ${parent} is not in embed.json's "parents"; its frame will not be sized`);
}
