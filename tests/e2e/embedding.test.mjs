// Embedding, end to end: a host page with its own aggressive CSS, its own
// hash routes and a global link handler embeds two viewers with different
// bundles and options (and loads folio twice); a third viewer is mounted and
// unmounted through the JavaScript API; embed.html runs in an iframe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import {
  ROOT, DESKTOP, PHONE,
  bundle, launch, openPage, screenshot, serveViewer,
} from "./support.mjs";

const HOST = join(import.meta.dirname, "host");

let browser;
let server;
let frameOrigin;
before(async () => {
  browser = await launch();
  const scratch = mkdtempSync(join(tmpdir(), "folio-embed-"));
  const allowed = join(scratch, "embed.json");
  server = await serveViewer({
    "bundle.json": bundle(join(ROOT, "demo/posts")),
    "second.json": bundle(join(ROOT, "demo/posts/编程")),
    "host.html": join(HOST, "host.html"),
    "host.css": join(HOST, "host.css"),
    "host.js": join(HOST, "host.js"),
    "frame-host.html": join(HOST, "frame-host.html"),
    "embed.json": allowed,
  });
  frameOrigin = new URL(server.url).origin;
  writeFileSync(allowed, JSON.stringify({ bundle: "bundle.json", lang: "en", parents: [frameOrigin] }));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the host page and waits until both viewers show their lists. */
async function openHost(viewport = DESKTOP) {
  const opened = await openPage(browser, viewport);
  const { page } = opened;
  await page.goto(`${server.url}host.html`);
  const one = page.locator("#viewer-one");
  const two = page.locator("#viewer-two");
  await one.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
  await two.getByRole("link", { name: "Reading your feeds offline", exact: true }).waitFor();
  return { ...opened, one, two };
}

test("two viewers on one host page: own bundles, options and state", async () => {
  const { page, problems, close, one, two, external } = await openHost();
  try {
    // The host page sets no referrer policy: the viewer's images send none
    // anyway (the feeds' image hosts refuse foreign referrers).
    await page.waitForFunction(() => [...document.querySelectorAll("#viewer-one img.thumbnail")].some((img) => img.complete));
    const thumbnails = external.filter((r) => r.type === "image" && r.url.includes("picsum.photos"));
    assert.ok(thumbnails.length >= 1, "thumbnails were requested");
    for (const request of thumbnails) assert.equal(request.headers.referer, undefined, request.url);
    // Loaded twice, mounted once per element, one stylesheet.
    assert.equal(await page.locator("#viewer-one > .folio").count(), 1);
    assert.equal(await page.locator("#viewer-two > .folio").count(), 1);
    assert.equal(await page.locator('link[rel="stylesheet"][href*="app"]').count(), 1);

    // Options: language, theme, start category, fixed height.
    assert.equal(await one.locator(".folio").getAttribute("lang"), "zh-CN");
    assert.equal(await one.locator(".folio").getAttribute("data-theme"), "dark");
    assert.equal(await two.locator(".folio").getAttribute("lang"), "en");
    assert.equal(await two.locator(".folio").getAttribute("data-theme"), "light");
    assert.equal(await two.getByRole("heading", { level: 1 }).innerText(), "Folio Notes");
    assert.equal(await two.getByRole("link", { name: "页面里的脚本不会运行", exact: true }).count(), 0,
      "viewer two starts in its category");
    const box = await one.locator(".folio").boundingBox();
    assert.equal(Math.round(box.height), 560);
    assert.equal(await one.locator(".folio").evaluate((el) => getComputedStyle(el).overflowY), "auto");

    // Each viewer announces that it is ready, on its own element.
    await page.waitForFunction(() => window.hostEvents.filter((e) => e.type === "folio:ready").length === 2);
    const ready = await page.evaluate(() => window.hostEvents.filter((e) => e.type === "folio:ready"));
    assert.deepEqual(ready.map((e) => e.target).sort(), ["viewer-one", "viewer-two"]);
    assert.equal(ready.find((e) => e.target === "viewer-one").detail.articles, 8);
    assert.equal(ready.find((e) => e.target === "viewer-two").detail.articles, 2);
    await screenshot(page, "embed-host-desktop");

    // Clicking inside viewer one moves viewer one only; the host's URL,
    // history and link handler are untouched.
    const urlBefore = page.url();
    const historyBefore = await page.evaluate(() => history.length);
    const scrollBefore = await page.evaluate(() => scrollY);
    await one.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).click();
    await one.getByRole("heading", { level: 1, name: "江边夜跑成了城市新风景" }).waitFor();
    assert.equal(page.url(), urlBefore);
    assert.equal(await page.evaluate(() => history.length), historyBefore);
    assert.equal(await page.evaluate(() => scrollY), scrollBefore, "the host page did not scroll");
    assert.equal(await page.evaluate(() => window.hostClicks), 0, "the host's link handler saw nothing to do");
    assert.equal(await two.getByRole("heading", { level: 1 }).innerText(), "Folio Notes");
    const opened = await page.evaluate(() => window.hostEvents.filter((e) => e.type === "folio:article-open"));
    assert.deepEqual(opened.map((e) => [e.target, e.detail.title]), [["viewer-one", "江边夜跑成了城市新风景"]]);

    // Keys go to the viewer that has focus: Esc takes viewer one back.
    await page.keyboard.press("Escape");
    await one.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
    assert.equal(page.url(), urlBefore);

    // Searching in viewer two filters viewer two only.
    await two.getByRole("searchbox").fill("offline");
    await two.getByText("1 match", { exact: false }).waitFor();
    assert.equal(await one.getByRole("searchbox").inputValue(), "");
    assert.equal(page.url(), urlBefore);

    // The host's own links and routes keep working, and move no viewer.
    await page.locator("#host-about").click();
    assert.equal(await page.locator("#host-status").innerText(), "host route: #about");
    assert.ok(page.url().endsWith("host.html#about"));
    await page.goBack();
    assert.equal(page.url(), urlBefore);
    assert.equal(await two.getByRole("searchbox").inputValue(), "offline");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("isolation: the host's CSS neither breaks the viewer nor is changed by it", async () => {
  const { page, problems, close, one, two } = await openHost();
  try {
    const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el)[p], property);
    // Host element rules stop at the viewer's root.
    const layout = one.locator(".folio-layout");
    assert.equal(await style(layout, "paddingTop"), "0px");
    assert.equal(await style(layout, "borderTopStyle"), "none");
    assert.equal(await style(layout, "textTransform"), "none");
    assert.equal(await style(layout, "letterSpacing"), "normal");
    const thumb = one.locator(".article-row img").first();
    if (await thumb.count()) assert.equal(await style(thumb, "filter"), "none");
    assert.notEqual(await style(one.locator(".theme-toggle"), "backgroundColor"), "rgb(255, 255, 0)");
    // Theming through --folio-* custom properties.
    assert.equal(await style(two.locator(".folio"), "backgroundColor"), "rgb(230, 255, 230)");
    assert.notEqual(await style(one.locator(".folio"), "backgroundColor"), "rgb(230, 255, 230)");
    // The host keeps its own look.
    assert.equal(await style(page.locator("body"), "marginTop"), "12px");
    assert.equal(await style(page.locator(".host-header h1"), "fontSize"), "44px");
    assert.equal(await style(page.locator("#host-about"), "color"), "rgb(255, 105, 180)");
    assert.equal(await style(page.locator(".card button"), "backgroundColor"), "rgba(0, 0, 0, 0)");
    await page.setViewportSize(PHONE);
    await screenshot(page, "embed-host-phone");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("folio.mount: a handle that unmounts, leaving no nodes or listeners", async () => {
  const { page, problems, close } = await openHost();
  try {
    const before = await page.evaluate(() => window.hostListeners());
    assert.deepEqual(before, {}, "the embedded viewers listen only inside their elements");
    await page.evaluate(async () => {
      const slot = document.getElementById("api-slot");
      window.handle = await window.folio.mount(slot, { bundle: "second.json", lang: "en", theme: "dark", height: 300 });
      window.apiEvents = [];
      window.handle.on("folio:article-open", (event) => window.apiEvents.push(event.detail.id));
    });
    const slot = page.locator("#api-slot");
    await slot.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
    await slot.getByRole("heading", { level: 1, name: "Reading your feeds offline" }).waitFor();
    assert.equal((await page.evaluate(() => window.apiEvents)).length, 1);
    assert.equal(Math.round((await slot.locator(".folio").boundingBox()).height), 300);

    // A second mount into the same element is refused with a clear error.
    const refused = await page.evaluate(() =>
      window.folio.mount(document.getElementById("api-slot"), {}).then(() => "mounted", (e) => String(e.message ?? e)));
    assert.match(refused, /already shows a viewer/);

    await page.evaluate(() => window.handle.unmount());
    assert.equal(await page.evaluate(() => document.getElementById("api-slot").childNodes.length), 0);
    assert.equal(await slot.getAttribute("data-folio-mounted"), null);
    assert.deepEqual(await page.evaluate(() => window.hostListeners()), before, "listeners left behind");
    // The element can take a viewer again, and the others never noticed.
    await page.evaluate(async () => {
      window.handle = await window.folio.mount(document.getElementById("api-slot"), { bundle: "bundle.json" });
    });
    await slot.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
    await page.evaluate(() => window.handle.unmount());
    assert.ok(await page.locator("#viewer-one .folio-layout").isVisible());

    // A viewer that owns the page's hash listens to the window (keys,
    // scroll, hashchange); unmounting removes those listeners too.
    await page.evaluate(async () => {
      window.handle = await window.folio.mount(document.getElementById("api-slot"), { bundle: "bundle.json", routing: "hash" });
    });
    await slot.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
    const owning = await page.evaluate(() => window.hostListeners());
    for (const type of ["window:hashchange", "window:keydown", "window:scroll"]) {
      assert.equal(owning[type], 1, `${type} while mounted: ${JSON.stringify(owning)}`);
    }
    await page.evaluate(() => window.handle.unmount());
    assert.deepEqual(await page.evaluate(() => window.hostListeners()), before, "window listeners left behind");
    await page.evaluate(() => history.replaceState(null, "", location.pathname));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("iframe mode: embed.html shows its configured bundle and sizes its frame", async () => {
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}frame-host.html`);
    const frame = page.frameLocator("#allowed");
    await frame.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
    // The frame grows to its content (the default height is 150px).
    await page.waitForFunction(() => document.getElementById("allowed").getBoundingClientRect().height > 400);
    const inner = await frame.locator("body").evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    const outer = await page.locator("#allowed").evaluate((el) => Math.round(el.getBoundingClientRect().height));
    assert.ok(Math.abs(inner - outer) <= 1, `frame ${outer}px for content ${inner}px`);
    // The bundle named in the frame's query string is never fetched.
    assert.ok(!server.requests.some((path) => path.endsWith("evil.json")), "evil.json was requested");
    // A height message from anywhere but the frame is ignored.
    await page.evaluate(() => window.postMessage({ type: "folio:height", height: 5 }, "*"));
    await page.waitForTimeout(100);
    assert.equal(await page.locator("#allowed").evaluate((el) => Math.round(el.getBoundingClientRect().height)), outer);
    await screenshot(page, "embed-iframe-desktop");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("iframe mode: a parent not listed in embed.json is not told the height", async () => {
  const unlisted = await serveViewer({
    "bundle.json": bundle(join(ROOT, "demo/posts")),
    "frame-host.html": join(HOST, "frame-host.html"),
    "host.css": join(HOST, "host.css"),
    "embed.json": { status: 200, body: JSON.stringify({ bundle: "bundle.json", parents: ["https://elsewhere.example"] }) },
  });
  const { page, problems, close } = await openPage(browser, DESKTOP);
  const warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  try {
    await page.goto(`${unlisted.url}frame-host.html`);
    await page.frameLocator("#allowed").getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#allowed").evaluate((el) => Math.round(el.getBoundingClientRect().height)), 150);
    assert.ok(warnings.some((w) => /is not in embed\.json's "parents"/.test(w)), warnings.join("\n"));
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await unlisted.close();
  }
});
