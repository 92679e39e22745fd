// Where a keystroke's time goes: types bench-search's queries into the
// viewer over a generated split bundle under a Chromium trace with V8's CPU
// profiler, then prints the main thread's time by trace event (script,
// style, layout, paint) and the functions with the most self time.
//
//   node scripts/profile-search.mjs [ARTICLES] [QUERIES]   (default 10000 40)
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
import { readdirSync } from "node:fs";
import { launch, openPage } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";
import { ROOT, corpus, queries } from "./bench-corpus.mjs";

const articles = Number(process.argv[2] ?? 10000);
const count = Number(process.argv[3] ?? 40);
const dist = process.env.PROFILE_DIST ?? join(ROOT, "dist");

const folder = corpus(articles, { split: true });
const files = { "bundle.json": join(folder, "bundle.json") };
for (const dir of ["articles", "bodies", "index"]) {
  for (const name of readdirSync(join(folder, dir))) files[`${dir}/${name}`] = join(folder, dir, name);
}
const server = await startServer({ root: dist, prefix: "/bench/", overrides: files });
const browser = await launch();
const { page, close } = await openPage(browser);
try {
  await page.goto(server.url);
  await page.locator('.folio[data-search="ready"]').waitFor({ timeout: 10 * 60 * 1000 });
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on("Tracing.dataCollected", ({ value }) => chunks.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    traceConfig: {
      includedCategories: ["devtools.timeline", "disabled-by-default-v8.cpu_profiler", "v8.execute"],
    },
  });
  let keystrokes = 0;
  for (const query of queries().slice(0, count)) {
    for (const value of [query, ""]) {
      await page.evaluate(async (value) => {
        const field = document.querySelector(".folio .search input");
        field.value = value;
        field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value }));
        // Two frames and a pause: the update, the navigation after it, fetches.
        for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }, value);
      keystrokes++;
    }
  }
  await cdp.send("Tracing.end");
  await complete;

  const mainTids = new Set(
    chunks
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e) => mainTids.has(`${e.pid}:${e.tid}`);

  // Time by complete trace events, per keystroke (nested events overlap).
  const byEvent = new Map();
  for (const e of chunks) {
    if (e.ph === "X" && e.dur && onMain(e)) byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`${keystrokes} updates (${count} queries and as many clears) at ${articles} articles; ms per update:`);
  for (const [name, ms] of [...byEvent].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${(ms / keystrokes).toFixed(2).padStart(8)}  ${name}`);
  }

  // Self time per function from the CPU profile's samples.
  const nodes = new Map();
  const self = new Map();
  for (const e of chunks) {
    if (e.name !== "ProfileChunk") continue;
    const profile = e.args.data.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) nodes.set(`${e.id}:${node.id}`, node);
    const deltas = e.args.data.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const node = nodes.get(`${e.id}:${id}`);
      const name = node ? `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url?.split("/").pop() ?? ""}` : "?";
      self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
  }
  console.log("functions by self time, ms per update:");
  for (const [name, ms] of [...self].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(ms / keystrokes).toFixed(2).padStart(8)}  ${name}`);
  }
} finally {
  await close();
  await browser.close();
  await server.close();
}
