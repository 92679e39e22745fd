// The split layout (`folio bundle --split`): the first list from the manifest
// alone (it holds the newest articles), the older articles from article
// shards after it, bodies fetched when an article is opened, search from the
// index shards a query needs (and the bodies of articles the index cannot
// decide), and shards that cannot be fetched.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DESKTOP, FOLIO_BIN, PHONE, launch, openPage, screenshot, serveViewer } from "./support.mjs";

const POSTS = 130;
let browser;
let folder;
let manifest;

/** Post `n` (1 is the oldest): a unique word in its body only. */
function post(n) {
  const day = new Date(Date.UTC(2026, 0, 1) + n * 3600_000).toISOString().replace("T", " ").slice(0, 19);
  return `---
title: 第${n}篇 分片测试
date: ${day}
categories:
  - 分片
  - ${n % 2 ? "单号" : "双号"}
author: 测试站
---
<p>这是第${n}篇的正文。独有词 word${n}x 只在这里出现。</p>
`;
}

before(async () => {
  browser = await launch();
  const posts = mkdtempSync(join(tmpdir(), "folio-split-posts-"));
  for (let n = 1; n <= POSTS; n++) writeFileSync(join(posts, `post-${n}.md`), post(n));
  folder = join(mkdtempSync(join(tmpdir(), "folio-split-")), "site");
  mkdirSync(folder);
  execFileSync(FOLIO_BIN, ["bundle", posts, "-o", folder, "--split", "--articles-per-shard", "30", "--bodies-per-shard", "10", "--quiet"], {
    stdio: "inherit",
  });
  manifest = JSON.parse(readFileSync(join(folder, "bundle.json"), "utf8"));
});
after(async () => {
  await browser?.close();
});

/** Every file of the split bundle, served where the viewer looks for it; `change` replaces some. */
function splitFiles(change = {}) {
  const files = { "bundle.json": join(folder, "bundle.json") };
  for (const shard of [...manifest.article_shards, ...manifest.body_shards, ...manifest.index_shards]) {
    files[shard.file] = join(folder, shard.file);
  }
  return { ...files, ...change };
}

const slow = (file) => ({ body: readFileSync(join(folder, file)), chunkDelayMs: 2000 });
const missing = { status: 404, body: "gone", type: "text/plain" };

test("a split bundle: first list from the manifest, older articles after, bodies on demand", async () => {
  // 130 posts: the newest 40 in the manifest, the rest in three shards of 30.
  assert.equal(manifest.articles.length, 40);
  assert.deepEqual(
    manifest.article_shards.map((s) => s.count),
    [30, 30, 30],
  );
  const slowShards = Object.fromEntries(manifest.article_shards.map((s) => [s.file, slow(s.file)]));
  const server = await serveViewer(splitFiles(slowShards));
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.addInitScript(() => {
      window.hostEvents = [];
      for (const type of ["folio:ready", "folio:article-open"]) {
        document.addEventListener(type, (event) => window.hostEvents.push([type, event.detail.id ?? event.detail.articles]));
      }
    });
    await page.goto(server.url);
    // The first list needs the manifest only: every shard is still on its way.
    await page.locator(".article-row").first().waitFor();
    assert.match(await page.locator(".article-row .row-title").first().innerText(), /第130篇/);
    assert.equal(await page.locator(".list-count").innerText(), "40 articles");
    const loadingMore = page.locator(".loading-more");
    assert.match(await loadingMore.innerText(), /Loading 90 older articles/);
    assert.ok(!server.requests.some((path) => path.includes("/bodies/")), server.requests.join("\n"));
    await screenshot(page, "viewer-split-loading-desktop");

    // A new article opened while the shards arrive is announced to the host
    // page once, not again when the whole bundle replaces the first view.
    await page.locator(".article-row .row-title a").first().click();
    await page.getByRole("heading", { level: 1, name: /第130篇/ }).waitFor();
    await page.waitForFunction(() => window.hostEvents.some(([type]) => type === "folio:ready"), null, { timeout: 20000 });
    const events = await page.evaluate(() => window.hostEvents);
    assert.deepEqual(events, [["folio:article-open", idOf(130)], ["folio:ready", POSTS]]);
    await page.goBack();

    // The shards arrive: every article is listed, and the notice goes.
    await page.locator(".list-count").filter({ hasText: `${POSTS} articles` }).waitFor({ timeout: 20000 });
    assert.equal(await loadingMore.count(), 0);

    // An old article opens with its body from its body shard.
    await page.goto(`${server.url}#/a/${idOf(1)}`);
    await page.getByRole("heading", { level: 1, name: /第1篇/ }).waitFor();
    await page.locator(".article-body").filter({ hasText: "word1x" }).waitFor();
    const bodyShard = manifest.body_shards[0].file;
    assert.ok(server.requests.some((path) => path.endsWith(bodyShard)), server.requests.join("\n"));

    // Search reads the bodies' index: the index shard of the word, then the
    // body shard of the hit for its snippet, and no other body shard.
    await page.locator('.folio[data-search="ready"]').waitFor({ timeout: 20000 });
    const bodyRequests = () => new Set(server.requests.filter((path) => path.includes("/bodies/"))).size;
    assert.equal(bodyRequests(), 2, "the body shards of the two articles opened");
    await page.goto(`${server.url}#/?q=word77x`);
    await page.locator(".list-count").filter({ hasText: /^1 match$/ }).waitFor();
    assert.match(await page.locator(".article-row .row-title").innerText(), /第77篇/);
    // The snippet comes from the body, which this viewer only saw in a body shard.
    await page.locator(".article-row .excerpt mark").waitFor();
    assert.deepEqual(await page.locator(".article-row .excerpt mark").allInnerTexts(), ["word77x"]);
    assert.ok(server.requests.some((path) => path.includes("/index/")), server.requests.join("\n"));
    assert.equal(bodyRequests(), 3, server.requests.join("\n"));
    // A title hit fetches no body for a snippet: its excerpt is marked.
    await page.goto(`${server.url}#/?q=第42篇`);
    await page.locator(".list-count").filter({ hasText: /^1 match$/ }).waitFor();
    assert.deepEqual(await page.locator(".article-row .row-title mark").allInnerTexts(), ["第42篇"]);
    assert.deepEqual(await page.locator(".article-row .excerpt mark").allInnerTexts(), ["第42篇"]);
    // A fetch would have started with the search; give it time to show.
    await page.waitForTimeout(300);
    assert.equal(bodyRequests(), 3, server.requests.join("\n"));

    // A term the index cannot decide (four CJK characters, in every body,
    // in no title) is checked on the bodies, a few shards at a time, until
    // every article is settled.
    await page.goto(`${server.url}#/?q=篇的正文`);
    await page.locator(".list-count").filter({ hasText: `${POSTS} matches` }).waitFor({ timeout: 20000 });
    await page.locator(".search-status").waitFor({ state: "detached" });
    assert.equal(bodyRequests(), manifest.body_shards.length);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});

test("a split bundle with missing shards shows the rest and says what failed", async () => {
  const oldest = manifest.article_shards[0].file;
  // Posts 31–40: their metadata is there, their bodies are not.
  const firstBodies = manifest.body_shards[3].file;
  const server = await serveViewer(splitFiles({ [oldest]: missing, [firstBodies]: missing }));
  const { page, problems, close } = await openPage(browser, PHONE);
  try {
    await page.goto(server.url);
    await page.locator(".list-count").filter({ hasText: "100 articles" }).waitFor({ timeout: 20000 });
    assert.match(await page.locator(".folio-notice").innerText(), /30 articles in this bundle could not be read and were skipped/);
    await screenshot(page, "viewer-split-skipped-phone");

    // An article whose body shard is missing says which file failed.
    await page.goto(`${server.url}#/a/${idOf(31)}`);
    await page.getByRole("heading", { level: 1, name: /第31篇/ }).waitFor();
    const alert = page.locator(".reader [role=alert]");
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(`${firstBodies.replace(".", "\\.")} answered HTTP 404`));
    assert.ok(problems.every((p) => /404/.test(p)), problems.join("\n"));
  } finally {
    await close();
    await server.close();
  }
});

test("a split bundle whose index cannot be fetched says search stopped", async () => {
  const gone = Object.fromEntries(manifest.index_shards.map((shard) => [shard.file, missing]));
  const server = await serveViewer(splitFiles(gone));
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url);
    await page.locator('.folio[data-search="ready"]').waitFor({ timeout: 20000 });
    await page.goto(`${server.url}#/?q=word31x`);
    const alert = page.locator(".search-status[role=alert]");
    await alert.waitFor({ timeout: 20000 });
    assert.match(await alert.innerText(), /could not be fetched, results are incomplete/);
    assert.ok(server.requests.some((path) => path.includes("/index/")), server.requests.join("\n"));
    assert.ok(problems.every((p) => /404/.test(p)), problems.join("\n"));
  } finally {
    await close();
    await server.close();
  }
});

test("a split bundle's search makes the first 200 results certain, and the rest when asked", async () => {
  // 330 posts (7 body shards of 50) with the same phrase in every body and
  // in no title: a term the index cannot decide, checked on the bodies.
  const server = await serveBundled(330, post);
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url);
    await page.locator('.folio[data-search="ready"]').waitFor({ timeout: 20000 });
    await page.goto(`${server.url}#/?q=篇的正文`);
    const notice = page.locator(".search-status");
    // Body shards hold 30 (the newest), then 50 each: the first 200 need
    // the newest 5 shards, which settle 230; the other 100 wait.
    await notice.filter({ hasText: /^100 more articles may match/ }).waitFor({ timeout: 20000 });
    assert.equal(await page.locator(".list-count").innerText(), "230 matches");
    const bodies = () => new Set(server.requests.filter((path) => path.includes("/bodies/"))).size;
    assert.equal(bodies(), 5, "the body shards of the first 200 only");
    await screenshot(page, "viewer-split-check-all-desktop");

    await checkAll(page, 330);
    assert.equal(bodies(), 7);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});

test("a split bundle's search stops after 200 bodies and asks before checking more", async () => {
  // 330 posts whose bodies all hold the phrase's character pairs, and one
  // in ten the phrase itself: the index cannot decide it, and its first 200
  // hits would need every body.
  const server = await serveBundled(330, (n) => {
    const text = n % 10 === 0 ? "罕见篇的正文" : "罕见篇，罕见的正文篇的";
    return post(n).replace("这是第", `${text}，第`);
  });
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url);
    await page.locator('.folio[data-search="ready"]').waitFor({ timeout: 20000 });
    await page.goto(`${server.url}#/?q=罕见篇的正文`);
    const notice = page.locator(".search-status");
    // Rounds of two shards (30 + 50, then 50 + 50, then 50 + 50 bodies)
    // until 200 bodies were fetched: 280 checked, 28 of them match.
    await notice.filter({ hasText: /^50 more articles may match/ }).waitFor({ timeout: 20000 });
    assert.equal(await page.locator(".list-count").innerText(), "28 matches");
    const bodies = () => new Set(server.requests.filter((path) => path.includes("/bodies/"))).size;
    assert.equal(bodies(), 6);

    await checkAll(page, 33);
    assert.equal(bodies(), 7);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});

/**
 * Posts 1 to `count` (`write(n)` is post n's file) bundled with
 * `--split` and the default shard sizes, served with the viewer.
 */
async function serveBundled(count, write) {
  const posts = mkdtempSync(join(tmpdir(), "folio-split-posts-"));
  for (let n = 1; n <= count; n++) writeFileSync(join(posts, `post-${n}.md`), write(n));
  const site = join(mkdtempSync(join(tmpdir(), "folio-split-site-")), "site");
  mkdirSync(site);
  execFileSync(FOLIO_BIN, ["bundle", posts, "-o", site, "--split", "--quiet"], { stdio: "inherit" });
  const bundle = JSON.parse(readFileSync(join(site, "bundle.json"), "utf8"));
  const files = { "bundle.json": join(site, "bundle.json") };
  for (const shard of [...bundle.body_shards, ...bundle.index_shards]) files[shard.file] = join(site, shard.file);
  return serveViewer(files);
}

/** Clicks "Check them all", then waits until `matches` are listed and none is left unchecked. */
async function checkAll(page, matches) {
  const notice = page.locator(".search-status");
  await notice.getByRole("button", { name: "Check them all" }).click();
  await page.locator(".list-count").filter({ hasText: `${matches} matches` }).waitFor({ timeout: 20000 });
  await notice.waitFor({ state: "detached" });
}

/** The id of post `n`, read from the manifest and the article shards. */
function idOf(n) {
  const shards = manifest.article_shards.map((s) => JSON.parse(readFileSync(join(folder, s.file), "utf8")));
  for (const { articles } of [manifest, ...shards]) {
    const found = articles.find((a) => a.source === `post-${n}.md`);
    if (found) return found.id;
  }
  throw new Error(`post-${n}.md is in no shard`);
}
