#!/usr/bin/env bash
# Benchmarks `folio bundle` on generated corpora of 1,000, 10,000 and 100,000
# posts in the RSS generator's shapes (examples/generate_posts.rs) and writes
# the table into BENCHMARKS.md between the bench-bundle markers.
#
#   scripts/bench-bundle.sh [SIZES...]     (default: 1000 10000 100000)
#
# Each size is bundled several times (5, or 3 at 100,000); the table shows the
# median wall time, posts per second at that median, and the largest peak
# resident memory seen (GNU time's %M).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
cargo build --release --quiet --bin folio --example generate_posts

rows=()
for n in "${sizes[@]}"; do
  posts="target/bench/posts-$n"
  if [ ! -f "$posts/.complete" ]; then
    rm -rf "$posts"
    target/release/examples/generate_posts "$n" "$posts"
    touch "$posts/.complete"
  fi
  runs=5
  [ "$n" -lt 100000 ] || runs=3
  times=()
  peak=0
  for _ in $(seq "$runs"); do
    out=$( { /usr/bin/time -f "%e %M" target/release/folio bundle "$posts" -o "target/bench/bundle-$n.json" -q; } 2>&1 | tail -n 1)
    times+=("${out% *}")
    rss=${out#* }
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rate=$(awk -v n="$n" -v t="$median" 'BEGIN {printf "%.0f", n / t}')
  input=$(du -sm "$posts" | cut -f1)
  output=$(( $(stat -c %s "target/bench/bundle-$n.json") / 1048576 ))
  rows+=("| $n | $input MB | $output MB | $runs | ${median} s | $rate | $((peak / 1024)) MB |")
  echo "bench-bundle: $n posts: median ${median} s, $rate posts/s, peak $((peak / 1024)) MB" >&2
done

table=$(cat <<TABLE
Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(rustc --version | cut -d' ' -f1-2), release build:

| posts | input | bundle | runs | median time | posts/s | peak memory |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")
TABLE
)
python3 - "$table" <<'PY'
import re, sys
table = sys.argv[1]
path = "BENCHMARKS.md"
text = open(path, encoding="utf-8").read()
block = f"<!-- bench-bundle:start -->\n{table}\n<!-- bench-bundle:end -->"
pattern = re.compile(r"<!-- bench-bundle:start -->.*?<!-- bench-bundle:end -->", re.S)
text = pattern.sub(block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
echo "$table"
