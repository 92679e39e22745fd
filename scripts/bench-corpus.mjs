// What the benchmarks share: the generated corpora (examples/generate_posts.rs)
// bundled by the release `folio`, the fixed queries, and brotli sizes of
// bundle files, kept across runs.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");

export function posts(n) {
  const folder = join(ROOT, `target/bench/posts-${n}`);
  if (!existsSync(join(folder, ".complete"))) {
    execFileSync(join(ROOT, "target/release/examples/generate_posts"), [String(n), folder], { stdio: "inherit" });
    writeFileSync(join(folder, ".complete"), "");
  }
  return folder;
}

/** Bundles the `n`-post corpus (`split`: into a folder), once per corpus and binary. */
export function corpus(n, { split = false } = {}) {
  const folder = posts(n);
  const out = join(ROOT, split ? `target/bench/split-${n}` : `target/bench/bundle-${n}.json`);
  const stamp = split ? join(out, "bundle.json") : out;
  const newest = Math.max(statSync(join(folder, ".complete")).mtimeMs, statSync(join(ROOT, "target/release/folio")).mtimeMs);
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < newest) {
    execFileSync(join(ROOT, "target/release/folio"), ["bundle", folder, "-o", out, "--quiet", ...(split ? ["--split"] : [])], {
      stdio: "inherit",
    });
  }
  return out;
}

// Brotli at quality 11 runs at about 1 MB/s here: the 100,000-post bundle
// (630 MB) took 10 minutes, so sizes are kept across runs, by file, size and
// modification time.
const BROTLI_CACHE = join(ROOT, "target/bench/brotli-sizes.json");
const brotliCache = existsSync(BROTLI_CACHE) ? JSON.parse(readFileSync(BROTLI_CACHE, "utf8")) : {};
/** The brotli size (quality 11) of the bundle files `paths` asked for. */
export function brotliBytes(files, paths) {
  let total = 0;
  for (const path of paths) {
    const file = files[path];
    if (!file) continue;
    const { size, mtimeMs } = statSync(file);
    const key = `${file} ${size} ${mtimeMs}`;
    if (!(key in brotliCache)) {
      const data = readFileSync(file);
      brotliCache[key] = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    total += brotliCache[key];
  }
  writeFileSync(BROTLI_CACHE, JSON.stringify(brotliCache));
  return total;
}

/** SplitMix64, as in the corpus generator: the same queries on every run. */
export function rng(seed) {
  let state = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return (n) => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return Number((z ^ (z >> 31n)) % BigInt(n));
  };
}

/**
 * 200 queries sampled from the 1,000-post corpus (the larger ones share its
 * vocabulary): CJK substrings of 1–4 characters, English words and prefixes,
 * two-term ANDs, phrases, exclusions, and misses.
 */
export function queries() {
  const { articles } = JSON.parse(readFileSync(corpus(1000), "utf8"));
  const text = (a) => `${a.title} ${a.body.replace(/<[^>]*>/g, " ")}`;
  const below = rng(0x5eed5eac);
  const cjkRuns = [];
  const words = [];
  for (const article of articles) {
    for (const run of text(article).match(/[\u3040-\u30ff\u4e00-\u9fff]{4,}/g) ?? []) cjkRuns.push(run);
    for (const word of text(article).match(/\b[A-Za-z]{5,}\b/g) ?? []) words.push(word.toLowerCase());
  }
  const cjk = (length) => {
    const run = cjkRuns[below(cjkRuns.length)];
    const at = below(run.length - length + 1);
    return run.slice(at, at + length);
  };
  const word = () => words[below(words.length)];
  const list = [];
  for (let i = 0; i < 80; i++) list.push(cjk(1 + (i % 4)));
  for (let i = 0; i < 40; i++) list.push(word());
  for (let i = 0; i < 20; i++) list.push(word().slice(0, 3 + (i % 3)));
  for (let i = 0; i < 20; i++) list.push(`${cjk(2)} ${cjk(2)}`);
  for (let i = 0; i < 10; i++) list.push(`"${cjk(3)}"`);
  for (let i = 0; i < 10; i++) list.push(`${cjk(2)} -${cjk(1)}`);
  for (let i = 0; i < 20; i++) list.push(i % 2 ? `龘靐${cjk(1)}齉` : `zqxj${word().slice(0, 3)}`);
  return list;
}

/**
 * The files of a split bundle in `folder`, by path inside it ("bodies/0001-….json"
 * → file): the manifest and the files of the given sub-folders.
 */
export function splitFiles(folder, dirs = ["articles", "bodies", "index"]) {
  const files = existsSync(join(folder, "bundle.json")) ? { "bundle.json": join(folder, "bundle.json") } : {};
  for (const dir of dirs) {
    for (const name of readdirSync(join(folder, dir))) files[`${dir}/${name}`] = join(folder, dir, name);
  }
  return files;
}

/** The `p`th percentile of ascending `sorted` (nearest rank). */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
