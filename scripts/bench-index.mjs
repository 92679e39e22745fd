// Measures a split bundle's search index natively (examples/split_search.rs)
// on the generated corpora, and writes the table into BENCHMARKS.md between
// the bench-index markers.
//
//   node scripts/bench-index.mjs [SIZES...]   (default: 1000 10000 100000; `make bench-index`)
//
// Per size: the index's brotli size against the brotli size of the plain
// body text it indexes, compressed two ways: 50 articles per piece, as body
// shards hold them, and as one stream (in pieces of 16 MB, brotli's largest
// window, so as small as brotli gets it), how long `folio bundle --split` took, and for the 200 fixed
// queries of bench-search what a viewer using the index would download per
// query (the brotli size of the index shards and body shards the query
// reads, each query alone, nothing cached) and how long the query takes
// natively with every file read from disk: once for the first page of hits
// (the viewer's list's PAGE_SIZE; bodies are read only as far as those need),
// once for all hits. "200 hits + snippets" is what the viewer's search
// module would fetch for a query alone without its budget of 200 bodies per
// query (which this native search does not have; bench-search measures the
// viewer itself): its first 200 hits made certain, and the bodies its
// snippets are cut from.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { ROOT, brotliBytes, corpus, percentile, posts, queries, splitFiles } from "./bench-corpus.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (sizes.length === 0) sizes.push(1000, 10000, 100000);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Brotli bytes of every file of `dir` (relative to `folder`). */
function folderBytes(folder, dir) {
  const files = splitFiles(folder, [dir]);
  delete files["bundle.json"];
  return brotliBytes(files, Object.keys(files));
}

// Brotli of the whole text takes minutes at 100,000 articles: sizes are
// kept by the content's hash.
const WHOLE_CACHE = join(ROOT, "target/bench/brotli-whole.json");
const wholeCache = existsSync(WHOLE_CACHE) ? JSON.parse(readFileSync(WHOLE_CACHE, "utf8")) : {};

/** Brotli bytes of every text file of `dir`, in name order, as one stream. */
function wholeTextBytes(dir) {
  const text = Buffer.concat(readdirSync(dir).sort().map((name) => readFileSync(join(dir, name))));
  const piece = 16 << 20;
  let total = 0;
  for (let at = 0; at < text.length; at += piece) {
    const chunk = text.subarray(at, at + piece);
    const key = createHash("sha256").update(chunk).digest("hex");
    wholeCache[key] ??= brotliCompressSync(chunk, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: chunk.length,
      },
    }).length;
    total += wholeCache[key];
  }
  writeFileSync(WHOLE_CACHE, JSON.stringify(wholeCache));
  return total;
}

const queryList = queries();
const rows = [];
// The first page of hits, as the example reports it (the viewer's list page).
let pageSize = null;
for (const n of sizes) {
  // Bundled afresh, to time it (the index is most of what --split adds).
  const folder = join(ROOT, `target/bench/split-${n}`);
  rmSync(folder, { recursive: true, force: true });
  posts(n);
  const started = Date.now();
  corpus(n, { split: true });
  const bundleS = ((Date.now() - started) / 1000).toFixed(1);
  const textDir = join(ROOT, `target/bench/text-${n}`);
  rmSync(textDir, { recursive: true, force: true });
  const out = execFileSync(join(ROOT, "target/release/examples/split_search"), [folder, textDir], {
    input: `${queryList.join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const results = out.trim().split("\n").map((line) => JSON.parse(line));
  const files = splitFiles(folder, ["index", "bodies"]);
  const cost = (run) => ({
    index: brotliBytes(files, run.index),
    total: brotliBytes(files, run.index) + brotliBytes(files, run.bodies),
    ms: run.ms,
    needsBodies: run.bodies.length > 0,
  });
  // What the viewer fetches, less its budget of bodies: its first hits
  // made certain, then the bodies of the first hits (as many as the example
  // lists) that match in the body only, for their snippets
  // (FetchPolicy::VIEWER in src/search/split/schedule.rs).
  pageSize = results[0]?.page_size ?? pageSize;
  const viewer = results.map(({ viewer: run }) => {
    const snippets = run.first_hits.filter((hit) => !hit.in_title && hit.body_shard);
    const extra = [...new Set(snippets.map((hit) => hit.body_shard))].filter((file) => !run.bodies.includes(file));
    return brotliBytes(files, run.index) + brotliBytes(files, run.bodies) + brotliBytes(files, extra);
  });
  viewer.sort((a, b) => a - b);
  const page = results.map((r) => cost(r.first_page));
  const all = results.map((r) => cost(r.all));
  const sorted = (list, key) => list.map((q) => q[key]).sort((a, b) => a - b);
  const indexBytes = folderBytes(folder, "index");
  const textBytes = folderBytes(textDir, ".");
  const wholeBytes = wholeTextBytes(textDir);
  const figures = (list) =>
    `${kb(percentile(sorted(list, "total"), 50))} | ${kb(percentile(sorted(list, "total"), 95))} | ${kb(Math.max(...sorted(list, "total")))} | ${list.filter((q) => q.needsBodies).length} | ${percentile(sorted(list, "ms"), 50).toFixed(1)} ms | ${percentile(sorted(list, "ms"), 95).toFixed(1)} ms`;
  rows.push(
    `| ${n} | ${bundleS} s | ${kb(indexBytes)} | ${kb(textBytes)} | ${Math.round((100 * indexBytes) / textBytes)}% | ${kb(wholeBytes)} | ${Math.round((100 * indexBytes) / wholeBytes)}% | ${readdirSync(join(folder, "index")).length} | ${kb(percentile(sorted(all, "index"), 95))} | ${kb(percentile(viewer, 50))} | ${kb(percentile(viewer, 95))} | ${figures(page)} | ${figures(all)} |`,
  );
  console.error(`bench-index: ${rows.at(-1)}`);
}

const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
const table = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}; one run per size (the byte figures do not vary between runs); ${queryList.length} queries (bench-search's), each alone with nothing cached. Brotli at quality 11. A native run is \`folio search\`'s path for one query: building the index of every article's title, author and categories, reading the index shards and body shards from disk, searching (the viewer builds the titles' index once, so most of a run at 100,000 is not per query there):

| articles | bundle --split | index | body text, 50 articles a piece | index / text | body text, one stream | index / text | index shards | index data per query p95 | 200 hits + snippets: data p50 | p95 | first ${pageSize} hits: data p50 | p95 | max | queries reading bodies | native run p50 | p95 | all hits: data p50 | p95 | max | queries reading bodies | native run p50 | p95 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}`;
const path = join(ROOT, "BENCHMARKS.md");
const block = `<!-- bench-index:start -->\n${table}\n<!-- bench-index:end -->`;
let doc = readFileSync(path, "utf8");
const pattern = /<!-- bench-index:start -->[\s\S]*?<!-- bench-index:end -->/;
doc = pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n## The split bundle's search index (\`make bench-index\`)\n\n${block}\n`;
writeFileSync(path, doc);
console.error(table);
