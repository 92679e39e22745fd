#!/usr/bin/env bash
# Builds the viewer's lazily loaded wasm modules into Trunk's staging folder:
# folio-search (src/bin/folio-search.rs: search text and index, imported once
# the first list is shown) and folio-markdown (src/bin/folio-markdown.rs:
# imported when a markdown body is opened), each as <name>.js +
# <name>_bg.wasm. Trunk runs it as a post_build hook (Trunk.toml), with the
# same tools and flags as the main wasm: wasm-bindgen --target web, then
# wasm-opt -Oz in release builds. One cargo run builds both.
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
  if [ "$profile" = release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      -o "$TRUNK_STAGING_DIR/${module}_bg.wasm" "$TRUNK_STAGING_DIR/${module}_bg.wasm"
  fi
done
