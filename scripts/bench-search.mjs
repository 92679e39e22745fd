// Measures searching in the viewer, in headless Chromium, on generated
// corpora (examples/generate_posts.rs) bundled by the release `folio`, and
// writes the table into BENCHMARKS.md between the bench-search markers.
//
//   node scripts/bench-search.mjs [SIZES...]   (default: 1000 10000 100000; `make bench-search`)
//   BENCH_RUNS=3 (default): runs per size; the table has each figure's median,
//     and the worst run of the longest tasks and of the data per query's max
//   BENCH_DIST=<folder>: the viewer build to measure (default dist/), e.g. to
//     compare two builds; BENCH_QUERIES=N: only the first N queries;
//     BENCH_LAYOUT=single: single-file bundles, which carry no index (the
//     viewer indexes every body after the first list), for sizes a browser
//     can parse as one string (10,000 is 62 MB). Any of them prints the
//     table without writing it into BENCHMARKS.md.
//
// Per size: the bundle's data fetched before the first list appears (the
// brotli size of the split bundle's files requested by then: the server here
// sends them uncompressed), time to the first list, when the search module
// has indexed every article (the viewer's data-search="ready": every article
// shard and body shard fetched) and the longest main-thread task meanwhile,
// the data fetched by then, then 200 fixed queries typed into the search
// field one at a time, each twice: "cold" (the index shards and bodies it
// needs are fetched as it runs) and, after clearing the field, "warm" (they
// are loaded: the issue's "once the needed shards are loaded"). Latency runs
// from the input event to the end of the task that first changed the list
// in the DOM ("list updated"), or to the animation frame after that change
// ("painted": styled and laid out, about to be painted; this adds the wait
// for the next frame, up to 16.7 ms at 60 Hz, whatever the work). "First
// response" is a cold query's painted first change, which may be partial.
// Also the longest main-thread task seen while the queries ran (Long Tasks
// API), and memory
// afterwards: the JS heap in use after a garbage collection (CDP
// Runtime.getHeapUsage) plus the linear memory of every wasm instance the
// page made (the issue's "JS heap plus wasm memory"; a wasm memory never
// shrinks, so this is its peak; also each module's when search is ready,
// before any query), and for comparison the renderer process'
// resident memory (which adds the DOM, images, code and the allocator's
// slack).
//
// The bundles are split (`folio bundle --split`, default shard sizes), as a
// large collection should be hosted, with their search index: the viewer
// fetches the index shards a query needs, and the bodies of candidates the
// index cannot decide, so a query's latency is given twice: to the first
// change of the list, and to its last change (after which nothing changes for
// half a second: the results are final, or the first 200 are certain and the
// viewer waits for the reader to ask for the rest), with the data each query
// fetched (the test server sends `no-cache`; fetched bodies are kept by the
// search module up to 64 MB).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";
import { ROOT, brotliBytes, corpus, percentile, queries, splitFiles } from "./bench-corpus.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (sizes.length === 0) sizes.push(1000, 10000, 100000);
const LOAD_TIMEOUT_MS = 10 * 60 * 1000;
const DIST = process.env.BENCH_DIST ?? join(ROOT, "dist");
const SINGLE = process.env.BENCH_LAYOUT === "single";

function rendererRssMb() {
  const out = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
  const kb = out
    .split("\n")
    .filter((line) => line.includes("--type=renderer"))
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0] || 0), 0);
  return Math.round(kb / 1024);
}

/** Each wasm module's linear memory in the page: [file, bytes]. */
function wasmMemories(page) {
  return page.evaluate(() => window.__wasmMemories.map(([source, memory]) => [source, memory.buffer.byteLength]));
}

/** Which module holds what: "folio-web 180, folio-search 273" (MB). */
function wasmParts(memories) {
  return memories
    .map(([source, bytes]) => `${source.replace(/(_bg)?(-[0-9a-f]+)?\.wasm$/, "")} ${Math.round(bytes / 1048576)}`)
    .join(", ");
}

async function measure(browser, n, queryList) {
  const folder = corpus(n, { split: !SINGLE });
  const files = SINGLE ? { "bundle.json": folder } : splitFiles(folder);
  const server = await startServer({ root: DIST, prefix: "/bench/", overrides: files });
  const dataAsked = () => server.requests.map((path) => path.slice("/bench/".length)).filter((path) => path in files);
  const { page, close } = await openPage(browser);
  try {
    await page.addInitScript(() => {
      // Every wasm memory the page makes, to read their sizes at the end.
      window.__wasmMemories = [];
      for (const name of ["instantiate", "instantiateStreaming"]) {
        const original = WebAssembly[name];
        WebAssembly[name] = async function (...args) {
          const source = (await args[0])?.url?.split("/").pop() ?? "wasm";
          const result = await original.apply(this, args);
          const exports = (result.instance ?? result).exports ?? {};
          for (const value of Object.values(exports)) {
            if (value instanceof WebAssembly.Memory) window.__wasmMemories.push([source, value]);
          }
          return result;
        };
      }
      // When the first row is in the DOM: the first list's data is what was
      // requested before then. (Asking the server after waiting for the row
      // also counted the shards the viewer starts fetching right after it,
      // depending on how soon the wait noticed the row: 194 or 257 KB at
      // 10,000 in runs of one build.)
      // Requests as they are made (resource timing lists a request only
      // once it is answered).
      window.__fetched = [];
      const fetch = window.fetch;
      window.fetch = function (input, ...rest) {
        window.__fetched.push([new URL(input.url ?? input, location.href).pathname, performance.now()]);
        return fetch.call(this, input, ...rest);
      };
      new MutationObserver((_, observer) => {
        if (!document.querySelector(".article-row")) return;
        window.__firstRowAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
      window.__longest = 0;
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__longest = Math.max(window.__longest, entry.duration);
          window.__longTasks.push(entry.duration);
        }
      }).observe({ type: "longtask", buffered: true });
    });
    const started = Date.now();
    await page.goto(server.url);
    await page.locator(".article-row").first().waitFor({ timeout: LOAD_TIMEOUT_MS });
    const firstListMs = Date.now() - started;
    const [firstListBytes, firstListPaths] = await page.evaluate(() => {
      const before = performance.getEntriesByType("resource").filter((r) => r.startTime <= window.__firstRowAt);
      const bytes = before.reduce((sum, r) => sum + r.encodedBodySize, 0)
        + performance.getEntriesByType("navigation").reduce((sum, r) => sum + r.encodedBodySize, 0);
      return [bytes, window.__fetched.filter(([, at]) => at <= window.__firstRowAt).map(([path]) => path)];
    });
    if (process.env.BENCH_SHOW_FIRST_LIST) console.error(`bench-search: fetched before the first row: ${firstListPaths.join(" ")}`);
    await page.evaluate(() => { window.__longest = 0; });
    // The search module indexes the bundle in slices after the first list;
    // queries are measured once it has (the issue's "warm" figures).
    await page.locator('.folio[data-search="ready"]').waitFor({ timeout: LOAD_TIMEOUT_MS });
    const readyS = ((Date.now() - started) / 1000).toFixed(1);
    const longestWhileIndexing = await page.evaluate(() => window.__longest);
    // Sizes are taken after the waits: compressing files this process has
    // not seen (a 62 MB single file takes a minute) would delay noticing
    // that the page was ready.
    const firstListData = brotliBytes(files, firstListPaths.map((path) => path.slice("/bench/".length)).filter((path) => path in files));
    const readyData = brotliBytes(files, dataAsked());
    // Before any query: what loading and indexing cost, apart from what
    // the queries' fetched shards and bodies add.
    const readyWasm = wasmParts(await wasmMemories(page));
    const askedBeforeQueries = server.requests.length;
    await page.evaluate(() => { window.__longest = 0; });
    // Tasks over 50 ms while searching, by the step they came in.
    const longByStep = { cold: [], warm: [], clear: [] };
    await page.evaluate(() => { window.__longTasks = []; });
    const latencies = [];
    const updates = [];
    const settled = [];
    const perQueryData = [];
    let longestSoFar = 50;
    const warmUpdates = [];
    const warmPainted = [];
    // What the field held before the step (the query a clearing cleared).
    let typed = "";
    for (const query of queryList) {
      // Cleared, typed (fetching what it needs), cleared, typed again (warm).
      for (const [step, value] of [["clear", ""], ["cold", query], ["clear", ""], ["warm", query]]) {
        const asked = server.requests.length;
        const [first, done, updated] = await page.evaluate(async ([value, settleFully]) => {
          const field = document.querySelector(".folio .search input");
          const main = document.querySelector(".folio");
          if (field.value === value) return [0, 0, 0];
          const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
          // First change of the list, then (a split bundle's search may
          // fetch shards and update the list as they come) its last change:
          // the one after which nothing changes for QUIET_MS.
          const QUIET_MS = 500;
          let firstAt = null;
          let updatedAt = null;
          let lastAt = null;
          const final = new Promise((resolve) => {
            let quiet = null;
            const settle = () => {
              observer.disconnect();
              resolve(lastAt);
            };
            const observer = new MutationObserver(() => {
              updatedAt ??= performance.now();
              firstAt ??= frame();
              lastAt = frame();
              clearTimeout(quiet);
              // Clearing the field, and a warm query, are timed to their first change only.
              quiet = setTimeout(settle, settleFully ? QUIET_MS : 0);
            });
            observer.observe(main, { childList: true, subtree: true, characterData: true });
            // A list that keeps changing counts as 30 s.
            setTimeout(() => {
              lastAt = Promise.resolve(performance.now());
              settle();
            }, 30000);
          });
          const t0 = performance.now();
          field.value = value;
          field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value }));
          const doneAt = await (await final);
          return [(await firstAt) - t0, doneAt - t0, updatedAt - t0];
        }, [value, step === "cold"]);
        if (step === "warm") {
          warmUpdates.push(updated);
          warmPainted.push(first);
        }
        if (step === "cold") {
          latencies.push(first);
          updates.push(updated);
          settled.push(done);
          const paths = server.requests.slice(asked).map((p) => p.slice("/bench/".length));
          perQueryData.push(brotliBytes(files, paths));
        }
        // Which query (or clearing after it) made a task over 50 ms: printed, to look into.
        const [longest, longTasks] = await page.evaluate(() => [window.__longest, window.__longTasks.splice(0)]);
        longByStep[step].push(...longTasks);
        if (longest > longestSoFar) {
          console.error(`bench-search: a ${Math.round(longest)} ms task at ${value ? `query ${JSON.stringify(value)} (${step})` : `clearing the field of ${JSON.stringify(typed)}`}`);
          longestSoFar = longest;
        }
        typed = value;
      }
    }
    latencies.sort((a, b) => a - b);
    updates.sort((a, b) => a - b);
    warmUpdates.sort((a, b) => a - b);
    warmPainted.sort((a, b) => a - b);
    settled.sort((a, b) => a - b);
    perQueryData.sort((a, b) => a - b);
    const queryData = perQueryData.reduce((sum, bytes) => sum + bytes, 0);
    const longestTask = await page.evaluate(() => window.__longest);
    const steps = queryList.length;
    const longTaskSummary = Object.entries(longByStep)
      .map(([step, tasks]) => `${step} ${tasks.length}/${step === "clear" ? 2 * steps : steps}${tasks.length ? ` (max ${Math.round(Math.max(...tasks))} ms)` : ""}`)
      .join(", ");
    console.error(`bench-search: tasks over 50 ms while searching ${n}: ${longTaskSummary}`);
    const memories = await wasmMemories(page);
    const wasmBytes = memories.reduce((sum, [, bytes]) => sum + bytes, 0);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    await cdp.detach();
    return {
      n,
      bundleMb: (Object.values(files).reduce((sum, file) => sum + statSync(file).size, 0) / 1048576).toFixed(0),
      firstListKb: Math.round(firstListBytes / 1024),
      firstListDataKb: Math.round(firstListData / 1024),
      readyDataMb: (readyData / 1048576).toFixed(1),
      queryDataKb: Math.round(queryData / 1024),
      queryDataP95Kb: Math.round(percentile(perQueryData, 95) / 1024),
      queryDataMaxKb: Math.round(perQueryData.at(-1) / 1024),
      settledP50: percentile(settled, 50).toFixed(1),
      settledP95: percentile(settled, 95).toFixed(1),
      firstListS: (firstListMs / 1000).toFixed(1),
      readyS,
      longestWhileIndexing: Math.round(longestWhileIndexing),
      updatedP50: percentile(updates, 50).toFixed(1),
      updatedP95: percentile(updates, 95).toFixed(1),
      warmUpdatedP50: percentile(warmUpdates, 50).toFixed(1),
      warmUpdatedP95: percentile(warmUpdates, 95).toFixed(1),
      warmPaintedP50: percentile(warmPainted, 50).toFixed(1),
      warmPaintedP95: percentile(warmPainted, 95).toFixed(1),
      p50: percentile(latencies, 50).toFixed(1),
      p95: percentile(latencies, 95).toFixed(1),
      longestTask: Math.round(longestTask),
      jsHeap: Math.round(usedSize / 1048576),
      wasm: Math.round(wasmBytes / 1048576),
      wasmParts: wasmParts(memories),
      readyWasm,
      memory: Math.round((usedSize + wasmBytes) / 1048576),
      rss: rendererRssMb(),
    };
  } catch (error) {
    return { n, error: String(error.message ?? error).split("\n")[0] };
  } finally {
    await close();
    await server.close();
  }
}

if (!existsSync(join(DIST, "index.html"))) throw new Error(`build the viewer first: make dist-viewer (no ${DIST}/index.html)`);
const queryList = queries().slice(0, Number(process.env.BENCH_QUERIES) || undefined);
const browser = await launch();
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Figures whose target is a bound never to be crossed ("no task over 50 ms",
// "a query fetches <= 300 KB"): the table gives their worst run, since a
// median of runs would hide the one run that crossed it.
const WORST_OF_RUNS = new Set(["longestWhileIndexing", "longestTask", "queryDataMaxKb"]);
/**
 * The median of each numeric figure over `results` (which share their keys),
 * the maximum of those in WORST_OF_RUNS; a text (the wasm memory's parts) is
 * the run's whose wasm memory is the median.
 */
function medians(results) {
  const failed = results.find((r) => r.error);
  if (failed) return failed;
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const medianWasm = results.find((r) => r.wasm === median(results.map((r) => r.wasm)));
  return Object.fromEntries(
    Object.keys(results[0]).map((key) => {
      if (typeof results[0][key] === "string" && Number.isNaN(Number(results[0][key]))) {
        return [key, medianWasm[key]];
      }
      const values = results.map((r) => Number(r[key]));
      const digits = String(results[0][key]).split(".")[1]?.length ?? 0;
      const figure = WORST_OF_RUNS.has(key) ? Math.max(...values) : median(values);
      return [key, figure.toFixed(digits)];
    }),
  );
}
// The Long Tasks API reports only tasks over 50 ms.
const longTask = (ms) => (Number(ms) > 0 ? `${ms} ms` : "none over 50 ms");
const COLUMNS = ["articles", "bundle", "data before first list", "transferred before first list", "first list", "search ready", "data until search ready", "longest task while indexing", "first response p50", "p95", "warm: list updated p50", "p95", "warm: painted p50", "p95", "final results p50", "p95", "data per query p95", "max", "data for all queries", "longest task while searching", "JS heap + wasm memory", "JS heap", "wasm memory", "wasm memory at search ready", "renderer RSS", "note"];
const rows = [];
for (const n of sizes) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await measure(browser, n, queryList));
    console.error(`bench-search: run ${run + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
  const result = medians(runs);
  rows.push(
    result.error
      ? `| ${n} | ${Array(COLUMNS.length - 2).fill("—").join(" | ")} | ${result.error} |`
      : `| ${n} | ${result.bundleMb} MB | ${result.firstListDataKb} KB | ${result.firstListKb} KB | ${result.firstListS} s | ${result.readyS} s | ${result.readyDataMb} MB | ${longTask(result.longestWhileIndexing)} | ${result.p50} ms | ${result.p95} ms | ${result.warmUpdatedP50} ms | ${result.warmUpdatedP95} ms | ${result.warmPaintedP50} ms | ${result.warmPaintedP95} ms | ${result.settledP50} ms | ${result.settledP95} ms | ${result.queryDataP95Kb} KB | ${result.queryDataMaxKb} KB | ${result.queryDataKb} KB | ${longTask(result.longestTask)} | ${result.memory} MB | ${result.jsHeap} MB | ${result.wasm} MB (${result.wasmParts}) | ${result.readyWasm} | ${result.rss} MB | |`,
  );
}
await browser.close();

const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
const chromium = execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
const table = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${chromium}, headless; ${queryList.length} queries per run, median of ${RUNS} runs per size (the longest tasks and the data per query's max: the worst run), ${SINGLE ? "single-file bundles" : "split bundles (default shard sizes)"}. "Data" columns are the brotli size of the bundle files fetched; "transferred" is what the browser received from this uncompressing test server, viewer included:

| ${COLUMNS.join(" | ")} |
| ${COLUMNS.map((c) => (c === "note" ? "---" : "---:")).join(" | ")} |
${rows.join("\n")}`;
console.error(table);
if (process.env.BENCH_DIST || process.env.BENCH_QUERIES || SINGLE) process.exit(0);
const path = join(ROOT, "BENCHMARKS.md");
const block = `<!-- bench-search:start -->\n${table}\n<!-- bench-search:end -->`;
let doc = readFileSync(path, "utf8");
const pattern = /<!-- bench-search:start -->[\s\S]*?<!-- bench-search:end -->/;
doc = pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n## Search in the viewer (\`make bench-search\`)\n\n${block}\n`;
writeFileSync(path, doc);
