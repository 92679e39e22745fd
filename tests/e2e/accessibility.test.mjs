// axe-core on the list and the reader, in both themes and at both sizes:
// any serious or critical violation fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, DESKTOP, PHONE, bundle, launch, openPage, serveViewer } from "./support.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveViewer({ "bundle.json": bundle(join(ROOT, "demo/posts")) });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

/** Serious and critical axe violations on the page, as readable lines. */
async function violations(page) {
  // Evaluated over the DevTools protocol, so the page's CSP does not apply to
  // the checker itself (it would refuse an injected <script>).
  await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"], runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }),
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

for (const colorScheme of ["light", "dark"]) {
  for (const [viewport, size] of [[DESKTOP, "desktop"], [PHONE, "phone"]]) {
    test(`axe: list and reader, ${colorScheme} theme, ${size}`, async () => {
      const { page, problems, close } = await openPage(browser, viewport, { colorScheme });
      try {
        await page.goto(server.url);
        await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).waitFor();
        assert.deepEqual(await violations(page), [], "list");
        await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
        await page.getByRole("heading", { level: 1, name: "Reading your feeds offline" }).waitFor();
        assert.deepEqual(await violations(page), [], "reader");
        assert.equal(await page.locator("h1").count(), 1, "one h1 per view");
        assert.equal(
          await page.evaluate(() => document.activeElement?.tagName),
          "H1",
          "focus moves to the heading on a route change",
        );
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}
