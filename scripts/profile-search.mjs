// Where a keystroke's time goes: types bench-search's queries into the
// viewer over a generated split bundle under a Chromium trace with V8's CPU
// profiler, then prints the main thread's time by trace event (script,
// style, layout, paint) and the functions with the most self time.
//
//   node scripts/profile-search.mjs [ARTICLES] [QUERIES]   (default 10000 40)
//   PROFILE_QUERIES='漏 linux': these queries instead (space-separated),
//     e.g. one that bench-search reports for a long task
//   PROFILE_SETTLE_MS=1500: how long each query and clear is given for its
//     fetches and their updates (default 300; bench-search waits for 500 ms
//     of quiet, so its cold queries finish all their rounds)
//   PROFILE_LOAD=1: trace loading instead, from navigation until search is
//     ready, and type nothing (the tasks over 50 ms while indexing)
//   PROFILE_LONG_MS=50: the tasks listed and looked into are those longer
//     than this (default 50, the issue's limit; lower it to see the tasks
//     that come near it), each with the query being typed when it ran
//   PROFILE_DIST=<folder>: the viewer build (default dist/). Wasm functions
//     keep their names only in a build that neither strips nor runs wasm-opt:
//       sed -i 's/data-wasm-opt="s"/data-wasm-opt="0"/' index.html
//       FOLIO_KEEP_NAMES=1 CARGO_PROFILE_RELEASE_STRIP=none \
//         trunk build --release --offline --dist /tmp/dist-names
//       git checkout index.html
//
// Needs what `make bench-search` builds (release `folio`, the generator).
// One run; a tool for finding what to change, not a benchmark.
import { join } from "node:path";
import { launch, openPage } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";
import { ROOT, corpus, queries, splitFiles } from "./bench-corpus.mjs";

const articles = Number(process.argv[2] ?? 10000);
const count = Number(process.argv[3] ?? 40);
const dist = process.env.PROFILE_DIST ?? join(ROOT, "dist");

const folder = corpus(articles, { split: true });
const files = splitFiles(folder);
const server = await startServer({ root: dist, prefix: "/bench/", overrides: files });
const browser = await launch();
const { page, close } = await openPage(browser);
const loading = process.env.PROFILE_LOAD === "1";
try {
  const ready = () => page.locator('.folio[data-search="ready"]').waitFor({ timeout: 10 * 60 * 1000 });
  if (!loading) {
    await page.goto(server.url);
    await ready();
  }
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on("Tracing.dataCollected", ({ value }) => chunks.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    traceConfig: {
      // "toplevel" holds the main thread's tasks (the tasks over 50 ms
      // below).
      includedCategories: ["toplevel", "devtools.timeline", "blink.user_timing", "disabled-by-default-v8.cpu_profiler", "v8.execute"],
    },
  });
  if (loading) {
    await page.goto(server.url);
    await ready();
  }
  let keystrokes = 0;
  const typed = process.env.PROFILE_QUERIES?.split(" ").filter(Boolean) ?? queries().slice(0, count);
  const chosen = loading ? [] : typed;
  for (const query of chosen) {
    for (const value of [query, ""]) {
      await page.evaluate(async ([value, settleMs]) => {
        const field = document.querySelector(".folio .search input");
        // In the trace: which query the tasks after it belong to.
        performance.mark(`folio-profile:${value || "(clear)"}`);
        field.value = value;
        field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value }));
        // Two frames and a pause: the update, the navigation after it, fetches.
        for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => setTimeout(resolve, settleMs));
      }, [value, Number(process.env.PROFILE_SETTLE_MS ?? 300)]);
      keystrokes++;
    }
  }
  await cdp.send("Tracing.end");
  await complete;

  // The main thread of the renderer that shows the viewer, not of every
  // renderer: the browser's own pages (its new tab page, in this Chromium)
  // are traced too, and their tasks over 50 ms were once taken for ours.
  // Events that name a URL of this server (the page's CommitLoad, calls
  // into its scripts) come from the renderer that shows it.
  const ourPids = new Set(chunks.filter((e) => e.args?.data?.url?.startsWith(server.url)).map((e) => e.pid));
  if (ourPids.size === 0) throw new Error("the trace names no renderer process for the viewer's page");
  const mainTids = new Set(
    chunks
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain" && ourPids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e) => mainTids.has(`${e.pid}:${e.tid}`);

  // Time by complete trace events, per keystroke (nested events overlap).
  const byEvent = new Map();
  for (const e of chunks) {
    if (e.ph === "X" && e.dur && onMain(e)) byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + e.dur / 1000);
  }
  // Loading is one "update".
  const updates = Math.max(keystrokes, 1);
  console.log(
    loading
      ? `loading ${articles} articles until search is ready; ms in all:`
      : `${keystrokes} updates (${chosen.length} queries and as many clears) at ${articles} articles; ms per update:`,
  );
  for (const [name, ms] of [...byEvent].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${(ms / updates).toFixed(2).padStart(8)}  ${name}`);
  }

  // Tasks over PROFILE_LONG_MS (the issue's "no task longer than 50 ms").
  const longMs = Number(process.env.PROFILE_LONG_MS ?? 50);
  const marks = chunks.filter((e) => e.name?.startsWith("folio-profile:")).sort((a, b) => a.ts - b.ts);
  // The task that types a query holds its mark: asked with the task's end.
  const typedAt = (ts) => marks.findLast((mark) => mark.ts <= ts)?.name.slice("folio-profile:".length) ?? "(before the first query)";
  // A main-thread task is "RunTask" in older Chromium traces and
  // "ThreadControllerImpl::RunTask" in this one (156); before both were
  // looked for, this list said "none" for want of tasks.
  const TASK_EVENTS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);
  const tasks = chunks.filter((e) => e.ph === "X" && TASK_EVENTS.has(e.name) && onMain(e));
  const longTasks = tasks.filter((e) => e.dur > longMs * 1000).map((e) => [e.ts, e.ts + e.dur]);
  console.log(`tasks over ${longMs} ms (of ${tasks.length} main-thread tasks traced): ${longTasks.map(([from, to]) => `${((to - from) / 1000).toFixed(0)} ms`).join(", ") || "none"}`);
  const inLongTask = (ts) => longTasks.some(([from, to]) => ts >= from && ts <= to);
  // What the browser did inside each (trace events nest, so they overlap;
  // "(program)" self time below is the browser's own work, such as style,
  // layout or garbage collection), and when, from the first task traced.
  // Not Math.min(...): a long profile has more tasks than a call takes arguments.
  const firstTs = tasks.reduce((first, e) => Math.min(first, e.ts), Infinity);
  for (const [from, to] of longTasks) {
    const inside = new Map();
    for (const e of chunks) {
      if (e.ph === "X" && e.dur && onMain(e) && !TASK_EVENTS.has(e.name) && e.ts >= from && e.ts <= to) {
        inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
      }
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`a ${((to - from) / 1000).toFixed(0)} ms task at ${((from - firstTs) / 1e6).toFixed(2)} s, typing ${JSON.stringify(typedAt(to))}: ${top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(", ")}`);
  }

  // Self time per function from the CPU profile's samples: all of them, and
  // those inside the long tasks.
  const nodes = new Map();
  const self = new Map();
  const selfInLong = new Map();
  const clock = new Map();
  for (const e of chunks) {
    if (e.name === "Profile") clock.set(e.id, e.args.data.startTime);
    if (e.name !== "ProfileChunk" || !ourPids.has(e.pid)) continue;
    const profile = e.args.data.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) nodes.set(`${e.id}:${node.id}`, node);
    const deltas = e.args.data.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const node = nodes.get(`${e.id}:${id}`);
      const name = node ? `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url?.split("/").pop() ?? ""}` : "?";
      const ms = (deltas[i] ?? 0) / 1000;
      const ts = (clock.get(e.id) ?? 0) + (deltas[i] ?? 0);
      clock.set(e.id, ts);
      self.set(name, (self.get(name) ?? 0) + ms);
      if (inLongTask(ts)) selfInLong.set(name, (selfInLong.get(name) ?? 0) + ms);
    });
  }
  const top = (table, divisor, unit) => {
    for (const [name, ms] of [...table].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${(ms / divisor).toFixed(2).padStart(8)} ${unit}  ${name}`);
    }
  };
  console.log(`functions by self time, ms ${loading ? "in all" : "per update"}:`);
  top(self, updates, "ms");
  if (longTasks.length > 0) {
    console.log(`functions by self time inside the tasks over ${longMs} ms, ms in all:`);
    top(selfInLong, 1, "ms");
  }
} finally {
  await close();
  await browser.close();
  await server.close();
}
