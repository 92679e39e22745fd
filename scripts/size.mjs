// Prints the size of the built viewer (what a browser downloads before the
// first article list appears, bundle data excluded): raw, gzip -9 and brotli
// at maximum quality, per file and in total, against the 200 KB brotli budget.
// Files loaded only later, or by other pages, are listed apart (LATER).
//
//   node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BUDGET_BROTLI = 200 * 1024;
const root = process.argv[2] ?? "dist";
const counted = /\.(wasm|js|mjs|css|html)$/;
// Not part of the first list: the reader's sanitizer and the search module
// (imported once the list is shown, src/app/sanitize.rs and
// src/app/search_cache.rs), the markdown module (src/app/markdown.rs),
// the iframe page, and the script a page that frames it loads instead of the
// viewer.
const LATER = {
  "purify.es.mjs": "the reader's sanitizer, fetched after the first list",
  "folio-search_bg.wasm": "search text, index and snippets, fetched after the first list",
  "folio-search.js": "search text, index and snippets, fetched after the first list",
  "folio-markdown_bg.wasm": "only when a markdown body is opened",
  "folio-markdown.js": "only when a markdown body is opened",
  "embed.html": "iframe mode only",
  "embed.js": "iframe mode only",
  "folio-frame.js": "the page around an iframe only",
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (counted.test(name) && name !== "bundle.json") yield path;
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
for (const path of files(root)) {
  const data = readFileSync(path);
  rows.push({
    file: relative(root, path),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  });
}
rows.sort((a, b) => b.brotli - a.brotli);
const sum = (list) => list.reduce(
  (total, row) => ({ raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const first = rows.filter((row) => !(row.file in LATER));
const later = rows.filter((row) => row.file in LATER);
const total = sum(first);
console.log("Before the first list:\n");
console.log("| file | raw | gzip | brotli |");
console.log("| --- | ---: | ---: | ---: |");
for (const row of first) console.log(`| ${row.file} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} |`);
console.log(`| **total** | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
console.log("\nLater, or on other pages:\n");
console.log("| file | raw | gzip | brotli | when |");
console.log("| --- | ---: | ---: | ---: | --- |");
for (const row of later) {
  console.log(`| ${row.file} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} | ${LATER[row.file]} |`);
}
const verdict = total.brotli <= BUDGET_BROTLI ? "within" : "OVER";
console.log(`\nbrotli before the first list ${kb(total.brotli)}: ${verdict} the ${kb(BUDGET_BROTLI)} budget`);
if (total.brotli > BUDGET_BROTLI) process.exitCode = 1;
