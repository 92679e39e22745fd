// The foundation slice, end to end: posts -> `folio bundle` -> the release
// viewer under a sub-path -> a list of titles -> an article's text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ROOT, SHARED_CORPUS, DESKTOP, PHONE,
  bundle, launch, openPage, screenshot, serveViewer,
} from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openArticle(page, title) {
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

test("demo posts: list, then an article's body, with no console error", async () => {
  const server = await serveViewer({ "bundle.json": bundle(join(ROOT, "demo/posts")) });
  try {
    for (const [viewport, size] of [[DESKTOP, "desktop"], [PHONE, "phone"]]) {
      const { page, problems, close } = await openPage(browser, viewport);
      await page.goto(server.url);
      await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
      assert.ok(await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).isVisible());
      await screenshot(page, `foundation-list-${size}`);

      await openArticle(page, "江边夜跑成了城市新风景");
      await page.getByText("数百名夜跑爱好者在江边步道集合", { exact: false }).first().waitFor();
      assert.match(page.url(), /#\/a\/[0-9a-f]{16}$/);
      await screenshot(page, `foundation-article-${size}`);
      assert.deepEqual(problems, []);
      await close();
    }
  } finally {
    await server.close();
  }
});

test("demo script post: nothing from the bundle runs", async () => {
  const server = await serveViewer({ "bundle.json": bundle(join(ROOT, "demo/posts")) });
  const { page, problems, close } = await openPage(browser);
  try {
    await page.goto(server.url);
    await openArticle(page, "页面里的脚本不会运行");
    await page.getByText("这篇文章故意带着一段活的脚本", { exact: false }).first().waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.folioDemoScriptRan), undefined);
    assert.notEqual(await page.title(), "FOLIO-DEMO-SCRIPT-RAN");
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});

test("a deep link to an article opens cold, and an unknown id says not found", async () => {
  const bundlePath = bundle(join(ROOT, "demo/posts"));
  const articles = JSON.parse(await readFile(bundlePath, "utf8")).articles;
  const target = articles.find((a) => a.title === "Reading your feeds offline");
  const server = await serveViewer({ "bundle.json": bundlePath });
  const { page, problems, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}#/a/${target.id}`);
    await page.getByRole("heading", { level: 1, name: target.title }).waitFor();
    await page.goto(`${server.url}#/a/0000000000000000`);
    await page.getByRole("heading", { level: 1, name: "Not found" }).waitFor();
    await page.getByRole("link", { name: "Back to all articles" }).click();
    await page.getByRole("link", { name: target.title, exact: true }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});

test("a bundle that is not a bundle gives a clear message", async () => {
  const server = await serveViewer({ "bundle.json": { status: 200, body: '{"format":"folio-bundle","version":7,"articles":[]}' } });
  const { page, close } = await openPage(browser);
  try {
    await page.goto(server.url);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /unsupported bundle version 7/);
  } finally {
    await close();
    await server.close();
  }
});

test("the shared rsshub corpus: the guancha article and its body", async (t) => {
  if (!existsSync(SHARED_CORPUS)) {
    t.skip(`skipped: ${SHARED_CORPUS} is absent (it sits beside the repository on the team's machines)`);
    return;
  }
  const server = await serveViewer({ "bundle.json": bundle(SHARED_CORPUS) });
  const { page, problems, close } = await openPage(browser);
  try {
    await page.goto(server.url);
    const title = "乐玉成：中俄关系上不封顶，不断攀登新高";
    await openArticle(page, title);
    await page.getByText("外交部副部长乐玉成接受媒体采访，介绍会谈成果", { exact: false }).first().waitFor();
    await screenshot(page, "foundation-shared-corpus-article");
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});
