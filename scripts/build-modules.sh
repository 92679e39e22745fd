#!/usr/bin/env bash
# Builds the viewer's lazily loaded wasm modules into Trunk's staging folder:
# folio-search (src/bin/folio-search.rs: search text and index, imported once
# the first list is shown) and folio-markdown (src/bin/folio-markdown.rs:
# imported when a markdown body is opened), each as <name>.js +
# <name>_bg.wasm. Trunk runs it as a post_build hook (Trunk.toml), with the
# same tools and flags as the main wasm: wasm-bindgen --target web, then
# wasm-opt -Oz in release builds. One cargo run builds both.
#
# In release builds it also minifies, with esbuild, the main wasm's glue and
# the stylesheet, which load before the first list (Trunk leaves them as
# they are), and strips the comments from the loader, folio.js (only
# comments: scripts/dist.mjs rewrites its `const ASSETS = …;` line): about
# 3.5 KB brotli of the first list's budget.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk build (a post_build hook in Trunk.toml)}"
profile=${TRUNK_PROFILE:-debug}
modules=(folio-search folio-markdown)
flags=(--target wasm32-unknown-unknown --locked --offline --quiet)
for module in "${modules[@]}"; do flags+=(--bin "$module"); done
[ "$profile" = release ] && flags+=(--release)
cargo build "${flags[@]}"
for module in "${modules[@]}"; do
  wasm="target/wasm32-unknown-unknown/$profile/$module.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" "$wasm"
  # FOLIO_KEEP_NAMES=1 keeps function names for profiling (scripts/profile-search.mjs).
  if [ "$profile" = release ] && [ -z "${FOLIO_KEEP_NAMES:-}" ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      -o "$TRUNK_STAGING_DIR/${module}_bg.wasm" "$TRUNK_STAGING_DIR/${module}_bg.wasm"
  fi
done

if [ "$profile" = release ]; then
  for file in folio-web.js app.css; do
    esbuild "$TRUNK_STAGING_DIR/$file" --minify --log-level=warning \
      --outfile="$TRUNK_STAGING_DIR/$file" --allow-overwrite
  done
  esbuild "$TRUNK_STAGING_DIR/folio.js" --log-level=warning \
    --outfile="$TRUNK_STAGING_DIR/folio.js" --allow-overwrite
fi
