// Turns the viewer build (Trunk's dist/) and a bundle into a folder ready to
// upload (`make dist`; docs/hosting.md):
//
//   node scripts/dist.mjs <viewer build> <output folder> --bundle <bundle.json | split folder>
//
// - Every file that may change between releases gets its content hash in its
//   name (app-3f2a…css, folio-web_bg-91c0…wasm, purify.es-…js,
//   folio-markdown_bg-…wasm, snippets-…/), so it can be
//   cached for a year; the names are written into folio.js, which keeps its
//   name and is revalidated (the HTML pages never change).
// - Every text and wasm file but embed.json gets precompressed .br and .gz
//   siblings.
// - The bundle is copied in as bundle.json (a split bundle's folder, from
//   `folio bundle --split`, with its articles/ and bodies/ beside it);
//   embed.json is kept if the output already has one (it is the host's
//   configuration), else the default.
import { createHash } from "node:crypto";
import {
  cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const usage = "usage: node scripts/dist.mjs <viewer build> <output folder> --bundle <bundle.json | split folder>";
const [source, output, flag, bundlePath] = process.argv.slice(2);
if (!source || !output || flag !== "--bundle" || !bundlePath) fail(usage);
for (const needed of ["index.html", "folio.js", "folio-web.js", "folio-web_bg.wasm", "app.css", "page.css"]) {
  if (!existsSync(join(source, needed))) fail(`${join(source, needed)} is missing: build the viewer first (make dist-viewer)`);
}
if (!existsSync(bundlePath)) fail(`${bundlePath}: no such bundle`);

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(2);
}

const hashOf = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);
const hashedName = (name, hash) => `${basename(name, extname(name))}-${hash}${extname(name)}`;

// Keep the host's embed.json across rebuilds.
const embedConfig = join(output, "embed.json");
const keptConfig = existsSync(embedConfig) ? readFileSync(embedConfig) : null;
rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });
cpSync(source, output, { recursive: true });
if (statSync(bundlePath).isDirectory()) {
  if (!existsSync(join(bundlePath, "bundle.json"))) fail(`${bundlePath} has no bundle.json: not a split bundle`);
  for (const part of ["bundle.json", "articles", "bodies"]) {
    cpSync(join(bundlePath, part), join(output, part), { recursive: true });
  }
} else {
  cpSync(bundlePath, join(output, "bundle.json"));
}
if (keptConfig) writeFileSync(embedConfig, keptConfig);
for (const name of readdirSync(output)) {
  if (/\.(br|gz)$/.test(name) || name.startsWith(".")) rmSync(join(output, name), { recursive: true });
}

const read = (name) => readFileSync(join(output, name), "utf8");
const write = (name, text) => writeFileSync(join(output, name), text);
const renames = new Map();

// Modules the viewer imports on demand from a wasm-bindgen inline snippet two
// folders down (src/app/lazy.rs) get hashed names,
// and the snippets are told them. `.mjs` becomes `.js` (see below).
const snippetFiles = existsSync(join(output, "snippets")) ? [...walk(join(output, "snippets"))] : [];
for (const lazy of ["purify.es.mjs", "folio-markdown.js", "folio-markdown_bg.wasm", "folio-search.js", "folio-search_bg.wasm"]) {
  if (!existsSync(join(output, lazy))) fail(`${lazy} is missing: build the viewer first (make dist-viewer)`);
  const extension = extname(lazy) === ".mjs" ? ".js" : extname(lazy);
  const renamed = `${basename(lazy, extname(lazy))}-${hashOf(readFileSync(join(output, lazy)))}${extension}`;
  renameSync(join(output, lazy), join(output, renamed));
  let rewritten = 0;
  for (const file of snippetFiles) {
    const text = readFileSync(file, "utf8");
    if (!text.includes(`"../../${lazy}"`)) continue;
    writeFileSync(file, text.replaceAll(`"../../${lazy}"`, `"../../${renamed}"`));
    rewritten += 1;
  }
  if (rewritten === 0) fail(`no snippet imports ${lazy}: the viewer's sources and this script disagree`);
}

// The wasm-bindgen snippets move as one folder named by the hash of
// everything in it, and `.mjs` becomes `.js`, which every server and object
// store sends as JavaScript (nginx's and many others' type tables have no
// .mjs, and module scripts refuse any other type). Only the glue's import
// statements change: the same paths also name the wasm's import modules,
// which must stay as they are.
if (existsSync(join(output, "snippets"))) {
  for (const file of [...walk(join(output, "snippets"))].filter((f) => f.endsWith(".mjs"))) {
    renameSync(file, file.replace(/\.mjs$/, ".js"));
  }
  const digest = createHash("sha256");
  for (const file of walk(join(output, "snippets"))) {
    digest.update(relative(output, file)).update(readFileSync(file));
  }
  const folder = `snippets-${digest.digest("hex").slice(0, 16)}`;
  renameSync(join(output, "snippets"), join(output, folder));
  const glue = read("folio-web.js").replace(
    /(\bfrom\s*["'])\.\/snippets\/([^"']*?)(\.mjs)?(["'])/g,
    (_, from, path, mjs, quote) => `${from}./${folder}/${path}${mjs ? ".js" : ""}${quote}`,
  );
  if (!glue.includes(`./${folder}/`)) fail("the glue imports no snippets: wasm-bindgen's output changed?");
  write("folio-web.js", glue);
}

// index.html, embed.html, page.css and favicon.svg keep their names and are
// revalidated: the pages never change between releases (folio.js adds the
// hashed stylesheet), and page.css is a few bytes.
for (const name of ["folio-web_bg.wasm", "folio-web.js", "app.css"]) {
  if (!existsSync(join(output, name))) continue;
  const renamed = hashedName(name, hashOf(readFileSync(join(output, name))));
  renameSync(join(output, name), join(output, renamed));
  renames.set(name, renamed);
}

const assetsLine = /^const ASSETS = \{.*\};$/m;
const loader = read("folio.js");
if (!assetsLine.test(loader)) fail("folio.js has no `const ASSETS = {…};` line to rewrite");
const assets = {
  glue: `./${renames.get("folio-web.js")}`,
  wasm: `./${renames.get("folio-web_bg.wasm")}`,
  style: `./${renames.get("app.css")}`,
};
write("folio.js", loader.replace(assetsLine, `const ASSETS = ${JSON.stringify(assets)};`));
// Precompressed siblings for servers that send them as they are (nginx
// gzip_static / brotli_static, object stores with Content-Encoding set).
// Not embed.json: it is the host's to edit in place, and a stale .br beside
// it would be served instead.
const compressible = /\.(html|js|mjs|css|json|svg|wasm)$/;
let files = 0;
for (const file of walk(output)) {
  if (!compressible.test(file) || file === embedConfig) continue;
  const data = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  files += 1;
}
console.error(`dist: ${output} ready (${files} files, each with .br and .gz)`);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
