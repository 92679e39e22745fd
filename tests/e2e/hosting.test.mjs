// Hosting, end to end: `make dist`'s folder (scripts/dist.mjs over the
// release build) served by nginx under a sub-path with the configuration
// that docs/hosting.md documents (run as written, paths replaced), then the
// viewer's checks in Chromium against it, and a cross-origin embed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { DESKTOP, DIST, FOLIO_BIN, ROOT, bundle, launch, openPage, screenshot } from "./support.mjs";

const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

let browser;
let nginx;
let base; // http://127.0.0.1:<port>/folio/
let site;
let hostServer;
let scratch;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** The documented nginx block, between its folio:begin and folio:end lines. */
function documentedBlock(hostOrigin) {
  const doc = readFileSync(join(ROOT, "docs/hosting.md"), "utf8");
  const block = doc.match(/# folio:begin\n([\s\S]*?)# folio:end/);
  assert.ok(block, "docs/hosting.md has no folio:begin/folio:end block");
  return block[1].replaceAll("root /srv/www;", `root ${join(scratch, "www")};`)
    .replaceAll("https://host.example", hostOrigin);
}

before(async () => {
  if (!existsSync(NGINX)) throw new Error("nginx is not installed: run scripts/bootstrap.sh test");
  scratch = mkdtempSync(join(tmpdir(), "folio-nginx-"));
  site = join(scratch, "site");
  execFileSync("node", [join(ROOT, "scripts/dist.mjs"), DIST, site, "--bundle", bundle(join(ROOT, "demo/posts"))], {
    stdio: "inherit",
  });
  // A split bundle beside it (`folio bundle --split`), for its shards' headers.
  execFileSync(FOLIO_BIN, [
    "bundle", join(ROOT, "demo/posts"), "-o", join(site, "split"), "--split",
    "--articles-per-shard", "2", "--bodies-per-shard", "3", "--quiet",
  ]);
  // A bundle with a markdown body, to load the hashed markdown module too.
  writeFileSync(join(site, "markdown.json"), JSON.stringify({
    format: "folio-bundle",
    version: 1,
    articles: [{
      id: "markdown0000001", title: "Markdown over nginx", source: "m.md", date: "2026-11-01T08:00:00Z",
      categories: [], tags: [], body_format: "markdown", body: "| a | b |\n| --- | --- |\n| 1 | **2** |",
    }],
  }));
  mkdirSync(join(scratch, "www"));
  symlinkSync(site, join(scratch, "www/folio"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}/folio/`;
  mkdirSync(join(scratch, "host"));
  writeFileSync(join(scratch, "host/cross.html"), `<!doctype html><meta charset="utf-8"><title>cross-origin host</title>
    <script type="module" src="${base}folio.js"></script>
    <div id="remote" data-folio data-bundle="${base}bundle.json" data-lang="en"></div>
    <div id="markdown" data-folio data-bundle="${base}markdown.json" data-lang="en"></div>`);
  writeFileSync(join(scratch, "host/frame.html"), `<!doctype html><meta charset="utf-8"><title>framing host</title>
    <script type="module" src="${base}folio-frame.js"></script>
    <iframe id="framed" data-folio-frame src="${base}embed.html" title="Articles" style="width: 100%; border: 0"></iframe>`);
  hostServer = await startServer({ root: join(scratch, "host"), prefix: "/" });
  const hostOrigin = new URL(hostServer.url).origin;
  // The documented iframe setup: the framing origin listed in embed.json
  // (who is told the height) and in frame-ancestors (who may frame it).
  writeFileSync(join(site, "embed.json"), JSON.stringify({ bundle: "bundle.json", lang: "en", parents: [hostOrigin] }));
  const conf = join(scratch, "nginx.conf");
  writeFileSync(conf, `
    ${existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : ""}
    daemon off;
    master_process off;
    user root;
    pid ${scratch}/nginx.pid;
    error_log ${scratch}/error.log warn;
    events { worker_connections 64; }
    http {
      include /etc/nginx/mime.types;
      default_type application/octet-stream;
      access_log off;
      client_body_temp_path ${scratch}/body;
      proxy_temp_path ${scratch}/proxy;
      fastcgi_temp_path ${scratch}/fastcgi;
      uwsgi_temp_path ${scratch}/uwsgi;
      scgi_temp_path ${scratch}/scgi;
      server {
        listen 127.0.0.1:${port};
        ${documentedBlock(hostOrigin)}
      }
    }
  `);
  nginx = spawn(NGINX, ["-p", scratch, "-c", conf], { stdio: ["ignore", "inherit", "inherit"] });
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {}
    if (tries > 100) throw new Error(`nginx did not start: ${readFileSync(join(scratch, "error.log"), "utf8")}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill();
  await hostServer?.close();
});

test("dist: hashed names behind a stable loader, .br and .gz beside every file", () => {
  const names = readdirSync(site);
  const wasm = names.find((n) => /^folio-web_bg-[0-9a-f]{16}\.wasm$/.test(n));
  const glue = names.find((n) => /^folio-web-[0-9a-f]{16}\.js$/.test(n));
  const style = names.find((n) => /^app-[0-9a-f]{16}\.css$/.test(n));
  assert.ok(wasm && glue && style, `hashed assets missing in ${names}`);
  assert.ok(!names.includes("folio-web_bg.wasm") && !names.includes("app.css") && !names.includes("snippets"));
  assert.ok(!readFileSync(join(site, glue), "utf8").includes(".mjs"), "the glue imports .mjs, which servers mistype");
  const loader = readFileSync(join(site, "folio.js"), "utf8");
  for (const name of [wasm, glue, style]) assert.ok(loader.includes(`./${name}`), `folio.js does not name ${name}`);
  // The page itself never changes between releases: only folio.js names hashes.
  assert.equal(readFileSync(join(site, "index.html"), "utf8"), readFileSync(join(DIST, "index.html"), "utf8"));
  assert.doesNotMatch(readFileSync(join(site, "index.html"), "utf8"), /[0-9a-f]{16}/);
  assert.ok(!existsSync(join(site, "404.html")), "hash routes need no 404.html");
  for (const name of ["index.html", "folio.js", "bundle.json", wasm, glue, style, "embed.html"]) {
    assert.ok(existsSync(join(site, `${name}.br`)) && existsSync(join(site, `${name}.gz`)), `${name} lacks .br/.gz`);
  }
});

test("nginx serves the documented headers", async () => {
  const names = readdirSync(site);
  const wasm = names.find((n) => /^folio-web_bg-[0-9a-f]{16}\.wasm$/.test(n));
  const brotli = await fetch(`${base}${wasm}`, { headers: { "accept-encoding": "br" } });
  assert.equal(brotli.headers.get("content-type"), "application/wasm");
  assert.equal(brotli.headers.get("content-encoding"), "br");
  assert.match(brotli.headers.get("cache-control"), /max-age=31536000, immutable/);
  assert.equal(brotli.headers.get("access-control-allow-origin"), "*");
  const gzip = await fetch(`${base}${wasm}`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(gzip.headers.get("content-encoding"), "gzip");
  assert.match(gzip.headers.get("vary") ?? "", /Accept-Encoding/i);
  const loader = await fetch(`${base}folio.js`);
  assert.equal(loader.headers.get("cache-control"), "no-cache");
  assert.match(loader.headers.get("content-type"), /javascript/);
  // A split bundle: the manifest is checked on every load, shards (named by
  // their content) are cached for a year.
  const manifest = await fetch(`${base}split/bundle.json`);
  assert.equal(manifest.headers.get("cache-control"), "no-cache");
  const { article_shards: [shard] } = await manifest.json();
  const shardResponse = await fetch(`${base}split/${shard.file}`);
  assert.equal(shardResponse.status, 200);
  assert.match(shardResponse.headers.get("cache-control"), /max-age=31536000, immutable/);
  const index = await fetch(base);
  assert.match(index.headers.get("content-security-policy"), /frame-ancestors 'none'/);
  const embed = await fetch(`${base}embed.html`);
  assert.match(embed.headers.get("content-security-policy"), new RegExp(`frame-ancestors ${new URL(hostServer.url).origin}`));
});

test("the viewer under nginx: list, article, deep link, search, back", async () => {
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(base);
    await page.getByRole("link", { name: "江边夜跑成了城市新风景", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "江边夜跑成了城市新风景" }).waitFor();
    // The body, through the sanitizer loaded under its hashed name.
    await page.locator(".article-body").getByText("数百名夜跑爱好者", { exact: false }).first().waitFor();
    const deepLink = page.url();
    assert.match(deepLink, /\/folio\/#\/a\/[0-9a-f]{16}$/);
    await page.goBack();
    await page.getByRole("link", { name: "Reading your feeds offline", exact: true }).waitFor();
    await page.getByRole("searchbox").fill("夜跑");
    await page.getByText("1 match", { exact: false }).waitFor();
    await page.goto("about:blank");
    await page.goto(deepLink);
    await page.getByRole("heading", { level: 1, name: "江边夜跑成了城市新风景" }).waitFor();
    await screenshot(page, "hosting-nginx-article-desktop");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a page on another origin embeds the nginx-hosted viewer (CORS)", async () => {
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    // The host page (written in before()) is served by another server; its
    // snippet names the nginx origin, as the README's snippet does.
    await page.goto(`${hostServer.url}cross.html`);
    await page.locator("#remote").getByRole("link", { name: "Reading your feeds offline", exact: true }).waitFor();
    assert.ok(page.url().startsWith(hostServer.url));
    const markdown = page.locator("#markdown");
    await markdown.getByRole("link", { name: "Markdown over nginx", exact: true }).click();
    await markdown.locator(".article-body table strong").waitFor();
    assert.equal(await markdown.locator(".article-body td").last().innerText(), "2");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("iframe mode across origins: framed by the listed origin, sized by its height", async () => {
  const { page, problems, close } = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${hostServer.url}frame.html`);
    const frame = page.frameLocator("#framed");
    await frame.getByRole("link", { name: "Reading your feeds offline", exact: true }).waitFor();
    await page.waitForFunction(() => document.getElementById("framed").getBoundingClientRect().height > 400);
    const inner = await frame.locator("body").evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    const outer = await page.locator("#framed").evaluate((el) => Math.round(el.getBoundingClientRect().height));
    assert.ok(Math.abs(inner - outer) <= 1, `frame ${outer}px for content ${inner}px`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
