// The viewer as a reader uses it: navigation, deep links, history, errors,
// themes, paging, and a hostile bundle that must not run anything.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { ROOT, DIST, DESKTOP, PHONE, FOLIO_BIN, SHARED_CORPUS, bundle, launch, openPage, screenshot, serveViewer } from "./support.mjs";

let browser;
let demoBundle;
before(async () => {
  browser = await launch();
  demoBundle = bundle(join(ROOT, "demo/posts"));
});
after(async () => {
  await browser?.close();
});

/** Serves `body` as bundle.json, opens the viewer at `hash`, runs `check`. */
async function withViewer(bundleOverride, check, { viewport = DESKTOP, colorScheme, locale } = {}) {
  const server = await serveViewer({ "bundle.json": bundleOverride });
  const { page, problems, external, close } = await openPage(browser, viewport, { colorScheme, locale });
  try {
    await check({ page, problems, external, url: server.url });
  } finally {
    await close();
    await server.close();
  }
}

const json = (value) => ({ status: 200, body: JSON.stringify(value) });

function article(id, title, body, extra = {}) {
  return { id, title, body, source: `${id}.md`, date: "2026-11-01T08:00:00Z", categories: [], tags: [], ...extra };
}

test("category navigation filters, shows a breadcrumb, and history steps back", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    const nav = page.getByRole("navigation", { name: "Categories" });
    const tree = nav.locator(".tree");
    await tree.getByRole("link", { name: /^新媒体\s*4$/ }).click();
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 4);
    assert.match(await page.locator(".list-count").innerText(), /^4 articles$/);

    await tree.getByRole("link", { name: /^示例日报\s*2$/ }).click();
    await page.getByRole("heading", { level: 1, name: "示例日报" }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 2);
    const crumbs = await page.getByRole("navigation", { name: "Breadcrumb" }).innerText();
    assert.match(crumbs, /All articles\s*›?\s*新媒体/);
    assert.ok(page.url().includes("#/c/%E6%96%B0%E5%AA%92%E4%BD%93/"), page.url());
    assert.equal(await nav.locator("a.current").innerText(), "示例日报\n2");

    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { level: 1, name: "示例日报" }).waitFor();

    // A deep link opened cold lands in the same place.
    await page.goto(`${url}#/c/%E6%96%B0%E5%AA%92%E4%BD%93/%E7%A4%BA%E4%BE%8B%E6%97%A5%E6%8A%A5`);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "示例日报" }).waitFor();
    await screenshot(page, "viewer-category-desktop");
    assert.deepEqual(problems, []);
  });
});

test("author links filter by author", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    await page.locator(".article-row", { hasText: "Reading your feeds offline" }).locator("a.author").click();
    await page.getByRole("heading", { level: 1, name: "Folio Notes" }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 1);
    assert.deepEqual(problems, []);
  });
});

test("inside a category, an author and a tag narrow it: in the URL, counted, each removable", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    const nav = page.locator(".folio-nav");
    const rows = page.locator(".article-row");
    const titles = () => rows.locator(".row-title").allInnerTexts();
    await page.goto(`${url}#/c/${encodeURIComponent("新媒体")}`);
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    assert.equal(await rows.count(), 4);

    // An author from the navigation narrows the category, not leaves it.
    const authors = nav.locator("ul.authors:not(.tags)");
    await authors.getByRole("link", { name: /^示例日报\s*2$/ }).click();
    await page.waitForURL(/\?author=/);
    assert.match(page.url(), /#\/c\/%E6%96%B0%E5%AA%92%E4%BD%93\?author=%E7%A4%BA%E4%BE%8B%E6%97%A5%E6%8A%A5$/);
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 2);
    assert.equal(await page.locator(".place-filter").innerText(), "Author: 示例日报 ×");
    assert.equal(await authors.locator("a[aria-current=page]").innerText(), "示例日报\n2");
    // Other authors keep their counts in this category (what choosing them
    // would give), and the categories count this author's articles.
    assert.equal(await authors.getByRole("link", { name: /^Example Wire\s*\d+$/ }).innerText(), "Example Wire\n1");
    assert.equal(await authors.getByRole("link", { name: /^Example Events\s*\d+$/ }).innerText(), "Example Events\n0");
    assert.equal(await nav.locator(".tree a", { hasText: "新媒体" }).first().innerText(), "新媒体\n2");

    // A tag narrows it further; Back steps out of it again.
    await nav.locator("ul.tags").getByRole("link", { name: /^城市生活\s*\d+$/ }).click();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 1);
    assert.deepEqual(await titles(), ["江边夜跑成了城市新风景"]);
    assert.equal(await page.locator(".place-filter").count(), 2);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 2);
    await page.goForward();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 1);

    // Each narrowing comes off alone: without the tag, the author's two.
    await page.locator(".place-filter", { hasText: "城市生活" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 2);
    assert.equal(await page.locator(".place-filter").count(), 1);
    await screenshot(page, "viewer-narrowed-desktop");
    // The chosen author again undoes the choice.
    await authors.locator("a[aria-current=page]").click();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 4);
    assert.equal(await page.locator(".place-filter").count(), 0);

    // The issue's own form of a shared search, cold: every narrowing at once.
    const shared = `${url}#/?q=${encodeURIComponent("城市")}&c=${encodeURIComponent("新媒体")}&author=${encodeURIComponent("示例日报")}`;
    await page.goto(shared);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 1);
    assert.deepEqual(await titles(), ["江边夜跑成了城市新风景"]);
    assert.deepEqual(await page.locator(".place-filter").allInnerTexts(), ["Category: 新媒体 ×", "Author: 示例日报 ×"]);
    await page.getByRole("button", { name: "Clear all" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 8);
    assert.ok(page.url().endsWith("#/"), page.url());
    // Links keep no narrowing of their own kind: from one author's
    // articles, another author's link lists that author's.
    await page.goto(`${url}#/?author=${encodeURIComponent("示例日报")}`);
    await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 2);
    const wire = authors.getByRole("link", { name: /^Example Wire\s*\d+$/ });
    assert.equal(await wire.innerText(), "Example Wire\n1");
    assert.ok((await wire.getAttribute("href")).endsWith("#/author/Example%20Wire"), await wire.getAttribute("href"));
    // A category page opened cold counts its authors within it too, once
    // the navigation's tally is made after the first list.
    await page.goto(`${url}#/c/${encodeURIComponent("新媒体")}`);
    await page.reload();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("ul.authors:not(.tags) a")].some((a) => a.innerText === "Example Events\n0"),
    );
    assert.deepEqual(problems, []);
  });
});

test("narrowings on a phone, in Chinese: named and removable above the list", async () => {
  await withViewer(
    demoBundle,
    async ({ page, problems, url }) => {
      await page.goto(`${url}#/c/${encodeURIComponent("新媒体")}?author=${encodeURIComponent("示例日报")}&tag=${encodeURIComponent("城市生活")}`);
      await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 1);
      const chips = page.locator(".place-filter");
      assert.deepEqual(await chips.allInnerTexts(), ["作者：示例日报 ×", "标签：城市生活 ×"]);
      assert.equal(await chips.first().getAttribute("aria-label"), "移除筛选 作者：示例日报");
      await screenshot(page, "viewer-narrowed-phone");
      await page.getByRole("button", { name: "移除筛选 标签：城市生活" }).click();
      await page.waitForFunction(() => document.querySelectorAll(".article-row").length === 2);
      assert.deepEqual(problems, []);
    },
    { viewport: PHONE, locale: "zh-CN" },
  );
});

test("tags: listed with counts in the navigation, linked from the reader", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    const nav = page.locator(".folio-nav");
    const tag = nav.getByRole("link", { name: /^城市生活\s*2$/ });
    await tag.click();
    await page.getByRole("heading", { level: 1, name: "#城市生活" }).waitFor();
    assert.ok(page.url().endsWith("#/tag/%E5%9F%8E%E5%B8%82%E7%94%9F%E6%B4%BB"), page.url());
    assert.equal(await page.locator(".article-row").count(), 2);
    assert.equal(await nav.locator('[aria-current="page"]').innerText(), "城市生活\n2");
    // From the reader, its tags lead to the other articles with them.
    await page.goto(`${url}#/`);
    await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
    await page.locator(".reader").getByRole("link", { name: "#offline" }).click();
    await page.getByRole("heading", { level: 1, name: "#offline" }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 1);
    assert.deepEqual(problems, []);
  });
});

test("markdown bodies: rendered by a module loaded only for them, then sanitized", async () => {
  const markdown = [
    "Plain **bold** and ~~struck~~ text.",
    "",
    "| city | runners |",
    "| --- | ---: |",
    "| 杭州 | 300 |",
    "",
    "[a bad link](javascript:window.pwned=1) and <img src=\"https://img.example.com/m.jpg\" onerror=\"window.pwned=2\">",
    "",
    "<script>window.pwned=3</script>",
  ].join("\n");
  const bundleJson = {
    format: "folio-bundle",
    version: 1,
    articles: [
      article("markdown0000001", "A markdown article", markdown, { body_format: "markdown", date: "2026-11-02T08:00:00Z" }),
      article("html00000000001", "An HTML article", "<p>Just HTML.</p>"),
    ],
  };
  const server = await serveViewer({ "bundle.json": json(bundleJson) });
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}#/a/html00000000001`);
    await page.getByText("Just HTML.").waitFor();
    assert.ok(!server.requests.some((path) => path.includes("folio-markdown")), "HTML needs no markdown module");
    await page.goto(`${server.url}#/a/markdown0000001`);
    const body = page.locator(".article-body");
    await body.locator("table").waitFor();
    assert.equal(await body.locator("strong").innerText(), "bold");
    assert.equal(await body.locator("del").innerText(), "struck");
    assert.equal(await body.locator("td").first().innerText(), "杭州");
    assert.equal(await body.locator("script").count(), 0);
    assert.equal(await body.locator("[onerror]").count(), 0);
    assert.equal(await body.locator('a[href^="javascript"]').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.ok(server.requests.some((path) => path.endsWith("/folio-markdown_bg.wasm")));
    // As in the hostile-bundle test below: DOMPurify's inert document
    // inherits the page's CSP, which reports the handler (and the table's
    // alignment styles) before they are stripped; nothing else may appear.
    const unexpected = problems.filter(
      (problem) =>
        !/violates the following Content Security Policy directive:? .?(script-src|style-src)/.test(problem) &&
        !/^console: CSP violation: (script-src-attr|style-src-attr) blocked inline$/.test(problem),
    );
    assert.deepEqual(unexpected, []);
  } finally {
    await close();
    await server.close();
  }
});

test("a hostile bundle written straight into JSON runs nothing", async () => {
  const payloads = [
    '<p>Visible text of the hostile article.</p>',
    '<img src="https://img.example.com/a.jpg" onerror="window.pwned=1">',
    '<img src="https://img.example.com/b.jpg" referrerpolicy="unsafe-url">',
    '<a href="javascript:window.pwned=2" id="jslink">click</a>',
    '<a href=" JaVaScRiPt:window.pwned=3">click</a>',
    '<svg onload="window.pwned=4"><circle r="5"/></svg>',
    '<iframe srcdoc="<script>parent.pwned=5</script>"></iframe>',
    '<iframe src="javascript:parent.pwned=6"></iframe>',
    '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
    '<form action="https://evil.example/"><input name="q" autofocus onfocus="window.pwned=7"><button formaction="javascript:window.pwned=8">go</button></form>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<script>window.pwned=9</script>',
    '<noscript><p title="</noscript><img src=x onerror=window.pwned=10>"></noscript>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=11></style></mglyph></table></mtext></math>',
    '<details open ontoggle="window.pwned=12">d</details>',
    '<video src="https://v.example/a.mp4" autoplay onplay="window.pwned=13"></video>',
    '<div style="position:fixed;inset:0;background:red">overlay</div>',
    '<object data="javascript:window.pwned=14"></object><embed src="javascript:window.pwned=15">',
    '<a href="https://example.org/" target="_top">ok link</a>',
    // Relative URLs would point into whatever page shows the viewer.
    '<img src="/account/logout" alt="relative"><img srcset="/account/logout 1x, https://img.example.com/c.jpg 2x" alt="srcset">',
    '<a href="../admin/delete">relative link</a><a href="#note">fragment</a>',
  ].join("\n");
  const hostile = {
    format: "folio-bundle",
    version: 1,
    articles: [article("hostile00000001", "Hostile article", payloads, { link: "javascript:window.pwned=16" })],
  };
  // With the page's strict CSP, and without it: the viewer runs inside other
  // people's pages, whose CSP may allow inline script, so the sanitizer alone
  // must stop everything.
  const indexWithoutCsp = {
    status: 200,
    type: "text/html; charset=utf-8",
    body: readFileSync(join(DIST, "index.html"), "utf8").replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""),
  };
  assert.ok(!indexWithoutCsp.body.includes("Content-Security-Policy"));
  for (const csp of [true, false]) {
    await hostileRun(csp ? {} : { "index.html": indexWithoutCsp, "": indexWithoutCsp }, hostile, csp);
  }
});

async function hostileRun(extraOverrides, hostile, csp) {
  const server = await serveViewer({ "bundle.json": json(hostile), ...extraOverrides });
  const { page, problems, external, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}#/a/hostile00000001`);
    const url = server.url;
    await page.getByText("Visible text of the hostile article.").waitFor();
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.ok(page.url().startsWith(url), `the page navigated away: ${page.url()}`);
    const body = page.locator(".article-body");
    const report = await body.evaluate((root) => {
      const all = [...root.querySelectorAll("*")];
      return {
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        styles: all.filter((el) => el.hasAttribute("style")).length,
        tags: [...new Set(all.map((el) => el.tagName.toLowerCase()))].sort(),
        hrefs: [...root.querySelectorAll("a")].map((a) => [a.getAttribute("href"), a.getAttribute("rel"), a.getAttribute("target")]),
        images: [...root.querySelectorAll("img")].map((img) => [img.getAttribute("referrerpolicy"), img.getAttribute("loading")]),
        urls: all.flatMap((el) => ["src", "srcset", "poster"].map((name) => el.getAttribute(name)).filter((v) => v !== null)),
        frames: [...root.querySelectorAll("iframe")].map((f) => [f.getAttribute("src"), f.getAttribute("sandbox"), f.hasAttribute("srcdoc")]),
      };
    });
    assert.deepEqual(report.handlers, []);
    assert.equal(report.styles, 0);
    for (const tag of ["script", "svg", "math", "form", "input", "button", "base", "meta", "style", "object", "embed", "noscript"]) {
      assert.ok(!report.tags.includes(tag), `${tag} survived: ${report.tags}`);
    }
    for (const [href, rel, target] of report.hrefs) {
      assert.ok(href === null || /^https:/.test(href) || href === "#note", `unsafe href ${href}`);
      assert.equal(rel, "noopener noreferrer");
      assert.equal(target, null);
    }
    for (const url of report.urls) assert.match(url, /^(https:|data:image\/)/, `a page-relative URL survived: ${url}`);
    assert.ok(report.images.length >= 2);
    for (const [policy, loading] of report.images) {
      assert.equal(policy, "no-referrer");
      assert.equal(loading, "lazy");
    }
    assert.deepEqual(report.frames, [
      ["https://www.youtube-nocookie.com/embed/x", "allow-scripts allow-same-origin allow-presentation allow-popups", false],
    ]);
    assert.equal(await page.locator("base").count(), 0);
    assert.equal(await page.getByText("Read the original").count(), 0, "a javascript: link is not offered");
    const imageRequests = external.filter((r) => r.type === "image" && r.url.includes("img.example.com"));
    assert.ok(imageRequests.length >= 1, "the images were requested");
    for (const request of imageRequests) assert.equal(request.headers.referer, undefined, request.url);
    // DOMPurify parses the payload in an inert document that inherits the
    // page's CSP, so the browser reports (and blocks) the handlers, styles and
    // <base> it meets there before they are stripped. Those reports are
    // expected here; anything else (a page error, another directive) is not.
    const unexpected = problems.filter(
      (problem) =>
        !/violates the following Content Security Policy directive:? .?(script-src|base-uri|style-src)/.test(problem) &&
        !/^console: CSP violation: (script-src-attr|base-uri|style-src-elem|style-src-attr) blocked (inline|https:\/\/evil\.example\/)$/.test(problem),
    );
    assert.deepEqual(unexpected, []);
    if (!csp) assert.deepEqual(problems, [], "without a CSP nothing is even attempted");
  } finally {
    await close();
    await server.close();
  }
}

test("the first list needs no sanitizer; the reader says so when it cannot load", async () => {
  const server = await serveViewer({
    "bundle.json": demoBundle,
    "purify.es.mjs": { status: 404, body: "gone", type: "text/plain" },
  });
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url);
    await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "江边夜跑成了城市新风景" }).waitFor();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /cannot be shown.*purify\.es\.mjs/s);
    assert.equal(await page.locator(".article-body").count(), 0, "no unsanitized body");
    assert.ok(server.requests.some((path) => path.endsWith("/purify.es.mjs")), "the list fetched the sanitizer ahead");
    assert.ok(problems.length > 0 && problems.every((p) => /404|purify/.test(p)), problems.join("\n"));
  } finally {
    await close();
    await server.close();
  }
});

test("search loads after the first list, says when results are partial, and when it cannot load", async () => {
  // The search module arrives slowly: a query typed before it is indexed
  // says its results are incomplete, then shows the full ones unasked.
  const wasm = readFileSync(join(DIST, "folio-search_bg.wasm"));
  let server = await serveViewer({
    "bundle.json": demoBundle,
    "folio-search_bg.wasm": { body: wasm, type: "application/wasm", chunkDelayMs: 1500 },
  });
  let opened = await openPage(browser, DESKTOP);
  try {
    const { page } = opened;
    await page.goto(server.url);
    await page.locator(".article-row").first().waitFor();
    assert.equal(await page.locator(".folio").getAttribute("data-search"), "indexing");
    await page.getByRole("searchbox", { name: "Search" }).fill("夜跑");
    const notice = page.locator(".search-status");
    await notice.waitFor();
    assert.match(await notice.innerText(), /Preparing search: 0 of 8 articles so far/);
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.equal(await notice.count(), 0, "the notice goes once indexing completes");
    assert.equal(await page.locator(".folio").getAttribute("data-search"), "ready");
    assert.deepEqual(await page.locator(".row-title mark").allInnerTexts(), ["夜跑"]);
  } finally {
    await opened.close();
    await server.close();
  }

  // Without the module, the lists still work and a search says why it finds nothing.
  server = await serveViewer({
    "bundle.json": demoBundle,
    "folio-search_bg.wasm": { status: 404, body: "gone", type: "text/plain" },
  });
  opened = await openPage(browser, DESKTOP);
  try {
    const { page, problems } = opened;
    await page.goto(server.url);
    await page.locator('.folio[data-search="failed"]').waitFor();
    assert.equal(await page.locator(".article-row").count(), 8);
    await page.getByRole("searchbox", { name: "Search" }).fill("夜跑");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /Search is unavailable: the search module \(folio-search\.js\) could not be loaded/);
    assert.ok(problems.length > 0 && problems.every((p) => /404|folio-search/.test(p)), problems.join("\n"));
  } finally {
    await opened.close();
    await server.close();
  }
});

test("load failures say what failed and offer a retry", async () => {
  const cases = [
    [{ status: 404, body: "missing" }, /bundle\.json answered HTTP 404/],
    [{ status: 200, body: '{"format":"folio-bundle","version":1,"articles":[{"id":' }, /not a readable bundle: not JSON/],
    [{ status: 200, body: '{"format":"folio-bundle","version":3,"articles":[]}' }, /unsupported bundle version 3/],
    [
      {
        status: 200,
        body: '{"format":"folio-bundle","version":1,"layout":"split","articles":[],"index_shards":[{"file":"index/0.json","first_key":""}]}',
      },
      /split bundle is version 1.*rebuild it with `folio bundle --split`/,
    ],
    [{ status: 200, body: '{"hello":"world"}' }, /not a folio bundle/],
  ];
  for (const [response, expected] of cases) {
    await withViewer(response, async ({ page, url }) => {
      await page.goto(url);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.innerText(), expected);
      assert.ok(await alert.getByRole("button", { name: "Retry" }).isVisible());
    });
  }
});

test("malformed articles are skipped and counted, the rest shown", async () => {
  const mixed = {
    format: "folio-bundle",
    version: 1,
    articles: [article("good0000000000001", "A good article", "<p>fine</p>"), { id: "bad", title: 42, body: "", source: "bad.md" }],
  };
  await withViewer(json(mixed), async ({ page, problems, url }) => {
    await page.goto(url);
    await page.getByRole("link", { name: "A good article", exact: true }).waitFor();
    assert.match(await page.locator(".folio-notice").innerText(), /1 articles in this bundle could not be read and were skipped/);
    assert.equal(await page.locator(".list-count").innerText(), "1 article");
    assert.deepEqual(problems, []);
  });
});

test("ten thousand articles: one page of rows in the DOM, and paging", async () => {
  const many = {
    format: "folio-bundle",
    version: 1,
    articles: Array.from({ length: 10_000 }, (_, i) =>
      article(`a${String(i).padStart(15, "0")}`, `第 ${i} 篇文章`, `<p>正文 ${i}</p>`, {
        date: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString().replace(".000Z", "Z"),
      }),
    ),
  };
  await withViewer(json(many), async ({ page, problems, url }) => {
    await page.goto(url);
    await page.getByRole("link", { name: "第 9999 篇文章", exact: true }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 25);
    const pager = page.getByRole("navigation", { name: "Pages" });
    assert.match(await pager.innerText(), /1–25 of 10000/);
    await pager.getByRole("button", { name: "Older →" }).click();
    await page.getByRole("link", { name: "第 9974 篇文章", exact: true }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 25);
    assert.deepEqual(problems, []);
  });
});

test("themes: follows the system, toggles, and remembers", async () => {
  for (const [viewport, size] of [[DESKTOP, "desktop"], [PHONE, "phone"]]) {
    await withViewer(
      demoBundle,
      async ({ page, problems, url }) => {
        await page.goto(url);
        await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
        const root = page.locator(".folio");
        assert.equal(await root.getAttribute("data-theme"), "auto");
        const background = () => root.evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.equal(await background(), "rgb(26, 25, 23)", "auto follows the dark system scheme");
        await screenshot(page, `viewer-list-dark-${size}`);
        await page.getByRole("button", { name: /Auto/ }).click();
        assert.equal(await root.getAttribute("data-theme"), "light");
        assert.equal(await background(), "rgb(251, 250, 247)");
        await page.reload();
        await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).waitFor();
        assert.equal(await root.getAttribute("data-theme"), "light", "remembered across a reload");
        await screenshot(page, `viewer-list-light-${size}`);
        if (size === "phone") {
          const toggle = page.getByRole("button", { name: /Categories/ });
          assert.equal(await page.locator(".folio-nav").isVisible(), false, "the drawer starts closed");
          await toggle.click();
          assert.equal(await toggle.getAttribute("aria-expanded"), "true");
          await page.locator(".folio-nav").waitFor({ state: "visible" });
          await screenshot(page, "viewer-drawer-phone");
          await page.locator(".folio-nav").getByRole("link", { name: /^编程/ }).click();
          await page.getByRole("heading", { level: 1, name: "编程" }).waitFor();
          assert.equal(await page.locator(".folio-nav").isVisible(), false, "choosing closes the drawer");
        }
        await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
        await page.getByRole("heading", { level: 1, name: "Reading your feeds offline" }).waitFor();
        await screenshot(page, `viewer-reader-light-${size}`);
        assert.deepEqual(problems, []);
      },
      { viewport, colorScheme: "dark" },
    );
  }
});

test("keyboard: j/k select and step, o opens, Esc returns, ? shows help", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    await page.getByRole("link", { name: "三分钟学会包饺子", exact: true }).waitFor();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    const selected = page.locator(".article-row.selected");
    assert.equal(await selected.count(), 1);
    assert.match(await selected.innerText(), /Reading your feeds offline/);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Reading your feeds offline");
    await page.keyboard.press("o");
    await page.getByRole("heading", { level: 1, name: "Reading your feeds offline" }).waitFor();
    await page.keyboard.press("j");
    await page.getByRole("heading", { level: 1, name: '"Night trains return"_ Europe rebuilds its sleepers' }).waitFor();
    await page.keyboard.press("k");
    await page.getByRole("heading", { level: 1, name: "Reading your feeds offline" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { level: 1, name: "All articles" }).waitFor();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    await screenshot(page, "viewer-help-desktop");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
  });
});

test("language: Chinese for a Chinese browser, switchable, remembered", async () => {
  await withViewer(
    demoBundle,
    async ({ page, problems, url }) => {
      await page.goto(url);
      await page.getByRole("heading", { level: 1, name: "全部文章" }).waitFor();
      assert.match(await page.locator(".list-count").innerText(), /^8 篇文章$/);
      assert.match(await page.locator(".article-row").first().innerText(), /阅读 1 分钟/);
      await screenshot(page, "viewer-list-zh-desktop");
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "All articles" }).waitFor();
      // The rows are rendered again in the new language, not only the page around them.
      assert.match(await page.locator(".article-row").first().innerText(), /1 min read/);
      await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
      await page.locator(".reader .meta").filter({ hasText: "1 min read" }).waitFor();
      await page.getByRole("button", { name: "中文" }).click();
      await page.locator(".reader .meta").filter({ hasText: "阅读 1 分钟" }).waitFor();
      await page.getByRole("button", { name: "English" }).click();
      await page.goBack();
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "All articles" }).waitFor();
      assert.equal(await page.locator(".folio").getAttribute("lang"), "en");
      assert.deepEqual(problems, []);
    },
    { locale: "zh-CN" },
  );
});

test("text size steps up and down within bounds", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
    const reader = page.locator(".reader");
    await reader.waitFor();
    const size = () => reader.evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(await size(), "17px");
    await page.getByRole("button", { name: "A+" }).click();
    assert.equal(await size(), "19px");
    for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "A−" }).click();
    assert.equal(await size(), "15px");
    assert.deepEqual(problems, []);
  });
});

test("read and starred state: unread in bold, a starred view, kept across reloads, exportable", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    const row = page.locator(".article-row", { hasText: "Reading your feeds offline" });
    await row.waitFor();
    assert.equal(await row.evaluate((el) => el.classList.contains("unread")), true);
    await row.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
    const star = page.getByRole("button", { name: "☆ Star" });
    await star.click();
    assert.equal(await page.getByRole("button", { name: "★ Starred" }).getAttribute("aria-pressed"), "true");
    await page.keyboard.press("Escape");
    await row.waitFor();
    assert.equal(await row.evaluate((el) => el.classList.contains("unread")), false, "opened means read");
    await page.reload();
    await page.locator(".category-nav").getByRole("link", { name: /Starred\s*1/ }).click();
    await page.getByRole("heading", { level: 1, name: "★ Starred" }).waitFor();
    assert.equal(await page.locator(".article-row").count(), 1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export reading state (JSON)" }).click(),
    ]);
    const exported = JSON.parse(await (await import("node:fs/promises")).readFile(await download.path(), "utf8"));
    assert.equal(exported.format, "folio-reading-state");
    assert.equal(exported.starred.length, 1);
    assert.equal(exported.read.length, 1);
    assert.deepEqual(problems, []);
  });
});

test("a large bundle shows progress while it loads", async () => {
  const many = {
    format: "folio-bundle",
    version: 1,
    articles: Array.from({ length: 3000 }, (_, i) => article(`p${String(i).padStart(15, "0")}`, `进度 ${i}`, `<p>${"正文".repeat(200)}</p>`)),
  };
  const body = JSON.stringify(many);
  await withViewer({ status: 200, body, chunkDelayMs: 40 }, async ({ page, problems, url }) => {
    await page.goto(url);
    const progress = page.locator(".folio-loading progress");
    await progress.waitFor();
    const value = Number(await progress.getAttribute("value"));
    assert.ok(value > 0 && value < Buffer.byteLength(body), `progress ${value} of ${Buffer.byteLength(body)}`);
    assert.equal(Number(await progress.getAttribute("max")), Buffer.byteLength(body));
    await screenshot(page, "viewer-loading-desktop");
    await page.getByRole("link", { name: "进度 2999", exact: true }).waitFor({ timeout: 20_000 });
    assert.deepEqual(problems, []);
  });
});

test("a thumbnail that cannot load is hidden, the others stay", async () => {
  const pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
  const two = {
    format: "folio-bundle",
    version: 1,
    articles: [
      article("broken", "图片坏了", "<p>正文</p>", { thumbnail: "missing-thumbnail.png" }),
      article("fine", "图片正常", "<p>正文</p>", { thumbnail: pixel, date: "2026-10-01T08:00:00Z" }),
    ],
  };
  await withViewer(json(two), async ({ page, problems, url }) => {
    await page.goto(url);
    // Image errors do not bubble: the list catches them on their way down.
    const failed = page.locator(".article-row img.thumbnail.failed");
    await failed.waitFor({ state: "attached" });
    assert.equal(await failed.count(), 1);
    assert.equal(await failed.getAttribute("src"), "missing-thumbnail.png");
    assert.equal(await failed.evaluate((img) => getComputedStyle(img).visibility), "hidden");
    assert.equal(await page.locator(".article-row img.thumbnail:not(.failed)").count(), 1);
    assert.ok(problems.every((p) => /404|missing-thumbnail/.test(p)), problems.join("\n"));
  });
});

test("the list keeps its scroll position across Back and reload", async () => {
  const many = {
    format: "folio-bundle",
    version: 1,
    // Rows of different heights: every other title wraps over lines.
    articles: Array.from({ length: 50 }, (_, i) =>
      article(`s${String(i).padStart(15, "0")}`, `滚动 ${i}${i % 2 ? "" : " 很长的标题".repeat(i % 7 + 2)}`, "<p>正文</p>"),
    ),
  };
  await withViewer(json(many), async ({ page, problems, url }) => {
    await page.goto(url);
    // The 15th row of the first page (newest first).
    const target = page.getByRole("link", { name: "滚动 35", exact: true });
    await target.waitFor();
    // Scrolled as a reader does, a little at a time.
    await page.evaluate(async () => {
      const row = [...document.querySelectorAll(".row-title a")].find((link) => link.textContent === "滚动 35");
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      while (row.getBoundingClientRect().top > 200) {
        window.scrollBy(0, 150);
        await frame();
      }
    });
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 500, `scrolled to ${before}`);
    // Where the row is on screen: the same scrollY over a list laid out
    // otherwise would show other rows.
    const rowTop = () => page.getByRole("link", { name: "滚动 35", exact: true }).evaluate((link) => link.getBoundingClientRect().top);
    const topBefore = await rowTop();
    await target.click();
    await page.getByRole("heading", { level: 1, name: "滚动 35" }).waitFor();
    assert.ok((await page.evaluate(() => window.scrollY)) < 50, "an article opens at its top");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "All articles" }).waitFor();
    await page.waitForTimeout(200);
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - before) < 5, "Back restores the list position");
    assert.ok(Math.abs((await rowTop()) - topBefore) < 5, `Back shows the same row where it was: ${await rowTop()} against ${topBefore}`);
    await page.reload();
    await page.getByRole("link", { name: "滚动 35", exact: true }).waitFor();
    await page.waitForTimeout(200);
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - before) < 5, "a reload restores it too");
    assert.ok(Math.abs((await rowTop()) - topBefore) < 5, `a reload shows the same row where it was: ${await rowTop()} against ${topBefore}`);
    assert.deepEqual(problems, []);
  });
});

test("the reader opened from a search marks the matches in the body", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(`${url}#/?q=${encodeURIComponent("夜跑 步道")}`);
    await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).click();
    const body = page.locator(".article-body");
    await body.getByText("数百名夜跑爱好者", { exact: false }).first().waitFor();
    const marks = await body.locator("mark").allInnerTexts();
    assert.ok(marks.includes("夜跑") && marks.includes("步道"), marks.join(","));
    assert.ok(!marks.some((mark) => mark !== "夜跑" && mark !== "步道"), marks.join(","));
    // The same article opened without a search has no marks.
    await page.goto(`${url}#/`);
    await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).click();
    await body.getByText("数百名夜跑爱好者", { exact: false }).first().waitFor();
    assert.equal(await body.locator("mark").count(), 0);
    assert.deepEqual(problems, []);
  });
});

test("date range: from/to in the URL, with a search and a category, and quick picks", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    const titles = async () => (await page.locator(".article-row .row-title").allInnerTexts()).sort();
    await page.goto(`${url}#/?from=2026-11-19&to=2026-11-21`);
    await page.getByRole("status").filter({ hasText: "3 matches" }).waitFor();
    assert.deepEqual(await titles(), [
      '"Night trains return"_ Europe rebuilds its sleepers',
      "Reading your feeds offline",
      "页面里的脚本不会运行",
    ]);
    assert.equal(await page.getByLabel("From").inputValue(), "2026-11-19");
    assert.equal(await page.getByLabel("To").inputValue(), "2026-11-21");
    // Navigation counts follow the range, and its links keep it.
    const nav = page.locator(".folio-nav");
    assert.match(await nav.getByRole("link", { name: /^新媒体/ }).innerText(), /新媒体\s+1/);
    await nav.getByRole("link", { name: /^新媒体/ }).click();
    await page.waitForFunction(() => location.hash.startsWith("#/c/") && location.hash.includes("from=2026-11-19"));
    // The hash changes at the click; the list follows at the hashchange event.
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ['"Night trains return"_ Europe rebuilds its sleepers']);

    // With a search; a reload gives the same list.
    await page.goto(`${url}#/?q=offline&from=2026-11-19&to=2026-11-21`);
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    await page.reload();
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ["Reading your feeds offline"]);
    await page.getByLabel("To").fill("2026-11-20");
    await page.waitForFunction(() => location.hash === "#/?q=offline&from=2026-11-19&to=2026-11-20");
    await page.getByRole("status").filter({ hasText: "0 matches" }).waitFor();
    // The list changed under the field, which keeps the focus (typing a
    // date goes on where it was).
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "date");

    // Quick picks count back from today; "Any time" clears the range.
    await page.getByRole("button", { name: "Last 7 days" }).click();
    const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    await page.waitForFunction((from) => location.hash === `#/?q=offline&from=${from}`, from);
    await page.getByRole("button", { name: "Any time" }).click();
    await page.waitForFunction(() => location.hash === "#/?q=offline");
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    // The fields show the cleared range (a field the reader typed in keeps
    // its text unless the viewer sets its value, not its attribute).
    assert.equal(await page.getByLabel("From").inputValue(), "");
    assert.equal(await page.getByLabel("To").inputValue(), "");
    // A short list: the navigation (and its rule) still reaches the
    // window's bottom.
    const [navBottom, windowHeight] = await nav.evaluate((nav) => [nav.getBoundingClientRect().bottom, innerHeight]);
    assert.equal(Math.round(navBottom), windowHeight);
    await screenshot(page, "viewer-date-range-desktop");

    // One "clear all" resets the search, the range, the marks and the
    // category; the unfiltered list has none.
    await page.goto(`${url}#/c/%E6%96%B0%E5%AA%92%E4%BD%93?q=%E7%A4%BA%E4%BE%8B&from=2026-11-01&unread=1`);
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    await page.getByRole("status").filter({ hasText: /^\d+ match(es)?$/ }).waitFor();
    await page.getByRole("button", { name: "Clear all" }).click();
    await page.waitForFunction(() => location.hash === "#/");
    await page.getByRole("status").filter({ hasText: "8 articles" }).waitFor();
    assert.equal(await page.getByRole("searchbox", { name: "Search" }).inputValue(), "");
    assert.equal(await page.getByLabel("From").inputValue(), "");
    assert.equal(await page.getByRole("button", { name: "Unread only" }).getAttribute("aria-pressed"), "false");
    assert.equal(await page.getByRole("button", { name: "Clear all" }).count(), 0);
    assert.deepEqual(problems, []);
  });
});

test("unread and starred filters combine with the search and survive a reload", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    const titles = async () => (await page.locator(".article-row .row-title").allInnerTexts()).sort();
    await page.goto(url);
    // Open one article (read now) and star another.
    await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "江边夜跑成了城市新风景" }).waitFor();
    await page.goto(`${url}#/`);
    await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).click();
    await page.locator(".reader .star").click();
    await page.goto(`${url}#/`);
    await page.getByRole("button", { name: "Unread only" }).click();
    await page.waitForFunction(() => location.hash === "#/?unread=1");
    await page.getByRole("status").filter({ hasText: "6 matches" }).waitFor();
    assert.ok(!(await titles()).includes("江边夜跑成了城市新风景"));
    assert.equal(await page.getByRole("button", { name: "Unread only" }).getAttribute("aria-pressed"), "true");
    await page.getByRole("button", { name: "Unread only" }).click();
    await page.getByRole("button", { name: "Starred only" }).click();
    await page.waitForFunction(() => location.hash === "#/?starred=1");
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ["Reading your feeds offline"]);
    // With text: the starred article matches "offline", not "夜跑".
    await page.goto(`${url}#/?q=%E5%A4%9C%E8%B7%91&starred=1`);
    await page.getByRole("status").filter({ hasText: "0 matches" }).waitFor();
    await page.goto(`${url}#/?q=offline&starred=1`);
    await page.reload();
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ["Reading your feeds offline"]);
    assert.deepEqual(problems, []);
  });
});

test("search: Chinese substrings, prefixes, phrases, exclusions, with a category, in the URL", async () => {
  await withViewer(demoBundle, async ({ page, problems, url }) => {
    await page.goto(url);
    const box = page.getByRole("searchbox", { name: "Search" });
    const titles = () => page.locator(".article-row .row-title").allInnerTexts();

    // A branch the reader opens stays open while they type.
    const branch = page.locator(".folio-nav").getByRole("button", { name: "编程" });
    await branch.click();
    assert.equal(await branch.getAttribute("aria-expanded"), "true");
    await box.fill("夜跑");
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ["江边夜跑成了城市新风景"]);
    assert.equal(await branch.getAttribute("aria-expanded"), "true", "still open after typing");
    assert.deepEqual(await page.locator(".row-title mark").allInnerTexts(), ["夜跑"]);
    assert.ok(page.url().endsWith("#/?q=%E5%A4%9C%E8%B7%91"), page.url());

    await box.fill("跑");
    await page.waitForFunction(() => location.hash === "#/?q=%E8%B7%91");
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ["江边夜跑成了城市新风景"], "a single character");

    await box.fill("feed");
    await page.waitForFunction(() => location.hash === "#/?q=feed");
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ["Reading your feeds offline"]);
    assert.ok((await page.locator(".excerpt mark").count()) >= 1, "the snippet marks the match");

    await box.fill('"night trains"');
    await page.waitForFunction(() => location.hash.endsWith("%22night%20trains%22"));
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(await titles(), ['"Night trains return"_ Europe rebuilds its sleepers'], "a phrase");
    await box.fill('"trains night"');
    await page.getByRole("status").filter({ hasText: "0 matches" }).waitFor();

    // 示例 alone finds 5; the excluded term takes out the one with 夜跑
    // (after "0 matches" above, so the count cannot be a leftover).
    await box.fill("示例 -夜跑");
    await page.getByRole("status").filter({ hasText: "4 matches" }).waitFor();
    assert.deepEqual(await titles(), ["三分钟学会包饺子", "页面里的脚本不会运行", "一篇标题引号坏掉的文章", "旧格式：两级分类的文章也能读"], "an exclusion");

    await box.fill("是一段");
    await page.getByRole("status").filter({ hasText: "0 matches" }).waitFor();

    // Typing a search key by key makes one history entry: Back leaves the
    // search at once instead of undoing a character.
    await box.fill("");
    await page.waitForFunction(() => !location.hash.includes("?q="));
    const entries = await page.evaluate(() => history.length);
    await box.pressSequentially("slee", { delay: 30 });
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    await page.waitForFunction(() => location.hash === "#/?q=slee");
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes("?q="));
    await box.fill("示例");
    await page.getByRole("status").filter({ hasText: /^\d+ matches$/ }).waitFor();

    // Counts in the navigation follow the search, and its links keep it.
    const tree = page.locator(".category-nav .tree");
    await tree.getByRole("link", { name: /^新媒体\s*3$/ }).click();
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    await page.getByRole("status").filter({ hasText: "3 matches" }).waitFor();
    assert.ok(page.url().endsWith("?q=%E7%A4%BA%E4%BE%8B"), page.url());

    // With a category, reloaded: the same result.
    await page.goto(`${url}#/c/%E6%96%B0%E5%AA%92%E4%BD%93?q=%E7%A4%BA%E4%BE%8B`);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "新媒体" }).waitFor();
    await page.getByRole("status").filter({ hasText: "3 matches" }).waitFor();
    assert.equal(await box.inputValue(), "示例");
    // These match in their authors and categories: the meta lines mark it.
    const metaMarks = await page
      .locator(".article-row .meta")
      .evaluateAll((lines) => lines.map((line) => [...line.querySelectorAll("a mark")].map((mark) => mark.textContent)));
    assert.equal(metaMarks.length, 3);
    assert.ok(metaMarks.every((marks) => marks.includes("示例")), JSON.stringify(metaMarks));
    assert.equal(await page.locator(".article-row a.author").first().innerText(), "示例日报");
    await screenshot(page, "viewer-search-desktop");

    // Opening a result keeps the query, and the reader marks the title.
    await page.goto(`${url}#/?q=%E5%A4%9C%E8%B7%91`);
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    await page.locator(".article-row .row-title a").first().click();
    await page.locator("h1 mark").first().waitFor();
    assert.equal(await page.locator("h1 mark").innerText(), "夜跑");
    await page.goBack();
    await page.getByRole("status").filter({ hasText: "1 match" }).waitFor();
    assert.deepEqual(problems, []);
  });
});

test("search on the shared corpus: the viewer lists what `folio search` prints, in its order", async (t) => {
  if (!existsSync(SHARED_CORPUS)) {
    t.skip(`skipped: ${SHARED_CORPUS} is absent (it sits beside the repository on the team's machines)`);
    return;
  }
  const bundlePath = bundle(SHARED_CORPUS);
  const cli = (query) =>
    JSON.parse(
      execFileSync(FOLIO_BIN, ["search", bundlePath, query, "--json"], { encoding: "utf8" }),
    ).map((hit) => hit.title);
  // The substrings, a common single character, an exclusion, a
  // phrase, an English word: each finds something here (checked below), so
  // an empty list on both sides cannot pass for agreement.
  const queries = ["中俄", "俄关", "中俄关系上不封顶", "的", "中国 -美国", '"外交部"', "the"];
  await withViewer(bundlePath, async ({ page, problems, url }) => {
    for (const query of queries) {
      const expected = cli(query);
      assert.ok(expected.length > 0 && expected.length <= 25, `${query}: ${expected.length} hits, one page`);
      // Through the unsearched list, so that the count waited for below
      // cannot be the previous query's.
      await page.goto(`${url}#/`);
      await page.getByRole("status").filter({ hasText: / articles$/ }).waitFor();
      await page.goto(`${url}#/?q=${encodeURIComponent(query)}`);
      const count = expected.length === 1 ? "1 match" : `${expected.length} matches`;
      await page.getByRole("status").filter({ hasText: count }).waitFor();
      assert.deepEqual(await page.locator(".article-row .row-title").allInnerTexts(), expected, query);
    }
    assert.deepEqual(problems, []);
  });
});
