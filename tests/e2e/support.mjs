// Shared plumbing for the end-to-end tests: Debian's Chromium driven by
// playwright-core, the built viewer served under a sub-path, bundles made by
// the real `folio` binary, and a record of every console error, page error and
// CSP violation (any of which fails a test).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = join(ROOT, "dist");
export const SHARED_CORPUS = resolve(ROOT, "../shared/corpus/rsshub");
export const SCREENSHOTS = join(ROOT, "target/screenshots");
export const PREFIX = "/some/where/";
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

// As root Chromium needs --no-sandbox; the rest keep it off this machine's
// closed network (see ../shared/GUIDE.md).
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** The `folio` binary the tests run (`make test` sets FOLIO_BIN). */
export const FOLIO_BIN = resolve(ROOT, process.env.FOLIO_BIN ?? "target/debug/folio");

/** Bundles `postsDir` with the real binary; returns the bundle's path. */
export function bundle(postsDir) {
  const out = join(mkdtempSync(join(tmpdir(), "folio-e2e-")), "bundle.json");
  execFileSync(FOLIO_BIN, ["bundle", postsDir, "-o", out, "--quiet"], { stdio: "inherit" });
  return out;
}

/** Serves dist/ under PREFIX, with `bundle.json` replaced as given. */
export function serveViewer(overrides = {}) {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("dist/ has no build: run `make dist-viewer` (or `make test`) first");
  }
  return startServer({ root: DIST, prefix: PREFIX, overrides });
}

// A 320×180 grey PNG: a raster stand-in costs the page what a real photo
// does (an SVG would make the browser build a document per image, which
// real feeds' JPEGs never cost, and skew bench-search's timings).
const PLACEHOLDER_IMAGE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAUAAAAC0CAIAAABqhmJGAAABlElEQVR42u3TQQkAAAwDsfoXNAH7zdV0FAJRcHC5HaBUJAADAwYGDAwGBgwMGBgwMBgYMDBgYDAwYGDAwICBwcCAgQEDAwYGAwMGBgwMBgYMDBgYMDAYGDAwYGDAwGBgwMCAgcHAgIEBAwMGBgMDBgYMDAZWAQwMGBgwMBgYMDBgYMDAYGDAwICBwcCAgQEDAwYGAwMGBgwMGBgMDBgYMDAYGDAwYGDAwGBgwMCAgQEDg4EBAwMGBgMDBgYMDBgYDAwYGDAwGBgwMGBgwMBgYMDAgIEBA4OBAQMDBgYDAwYGDAwYGAwMGBgwMGBgMDBgYMDAYGDAwICBAQODgQEDAwYGDAwGBgwMGBgMDBgYMDBgYDAwYGDAwGBgwMCAgQEDg4EBAwMGBgwMBgYMDBgYDAwYGDAwYGAwMGBgwMCAgcHAgIEBA4OBAQMDBgYMDAYGDAwYGAysAhgYMDBgYDAwYGDAwICBwcCAgQEDg4EBAwMGBgwMBgYMDBgYMDAYGDAwYGAwMGBgwMCAgcHAgIEBAwMGhm4P3I0+tlabPLkAAAAASUVORK5CYII=",
  "base64",
);

/**
 * A page whose problems (console errors, uncaught exceptions, CSP violations)
 * are collected in `problems`. Requests that leave 127.0.0.1 never reach the
 * network: images get a grey placeholder, frames a blank page, the rest fail.
 */
export async function openPage(browser, viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({
    viewport,
    colorScheme: options.colorScheme ?? "light",
    locale: options.locale ?? "en-US",
  });
  const problems = [];
  const external = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      const request = route.request();
      external.push({ url: request.url(), type: request.resourceType(), headers: request.headers() });
      if (request.resourceType() === "image") {
        return route.fulfill({ contentType: "image/png", body: PLACEHOLDER_IMAGE });
      }
      if (request.resourceType() === "document") {
        return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>stub</title>" });
      }
      return route.abort();
    },
  );
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { page, problems, external, close: () => context.close() };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
