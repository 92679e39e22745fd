#!/usr/bin/env bash
# Installs what folio needs to build (and, with `test`, to test), and only what
# is missing: running it twice does nothing the second time.
#
#   scripts/bootstrap.sh build   wasm32 target, Trunk, wasm-bindgen CLI, npm tools
#   scripts/bootstrap.sh test    the same, plus Chromium, ChromeDriver, CJK fonts, nginx
#
# Versions are pinned here and in Cargo.toml / package.json: Trunk 0.21.14
# because 0.22 needs a newer rustc than this toolchain; the wasm-bindgen CLI
# equal to the crate's pin because Trunk uses no other; wasm-opt from npm
# binaryen because Debian's is too old for current Rust output.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-build}
trunk_version=0.21.14
# Trunk only uses a wasm-bindgen CLI whose version equals the crate's exactly.
wasm_bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'bootstrap: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $trunk_version"; then
  say "installing Trunk $trunk_version (about 9 minutes on 2 cores)"
  cargo install trunk --version "$trunk_version" --locked
fi

if [ -z "$wasm_bindgen_version" ]; then
  say "Cargo.toml must pin wasm-bindgen with =x.y.z"; exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wasm_bindgen_version"; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  # Not --locked: its lockfile pins crates this registry does not carry.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# npm: wasm-opt (binaryen), esbuild (minifies what loads first), DOMPurify,
# Playwright's driver, axe-core.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.folio-lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.folio-lock-sum
fi

# Trunk builds with --offline: every crate must already be here.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked

if [ "$mode" = test ]; then
  missing=()
  # nginx (with the brotli_static module) serves dist/ in tests/e2e/hosting.test.mjs.
  for package in chromium chromium-driver fonts-noto-cjk nginx-light libnginx-mod-http-brotli-static; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
say "ready ($mode)"
