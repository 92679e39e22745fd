# folio: two commands do everything (see README.md):
#   make serve   bootstrap, bundle the demo posts, serve the viewer on :8080
#   make test    bootstrap, then every test: lint, native, end-to-end in Chromium
#   make dist POSTS=<folder> [SPLIT=1]   a folder ready to upload, in site/ (docs/hosting.md)

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DEMO_POSTS := demo/posts
PORT ?= 8080
SITE := site
TRUNK_BUILD := trunk build --release --offline

.PHONY: serve dist test lint native e2e dist-viewer budget size bench-bundle bench-search bench-index bootstrap-build bootstrap-test

serve: bootstrap-build dist-viewer
	cargo run --release --quiet --bin folio -- bundle $(DEMO_POSTS) -o dist/bundle.json
	node scripts/serve.mjs dist --port $(PORT)

# The viewer with content-hashed asset names, the bundle of POSTS, and .br/.gz
# beside every file; upload site/ as it is. SPLIT=1 writes the split layout
# (for thousands of posts: the first list does not wait for all of them).
SITE_BUNDLE = target/site-bundle$(if $(SPLIT),,.json)
dist: bootstrap-build dist-viewer
	@test -n "$(POSTS)" || { echo "usage: make dist POSTS=<folder of posts>" >&2; exit 2; }
	@# Exit status 1 means some posts were skipped (listed above): the bundle
	@# holds the rest and is still worth uploading.
	cargo run --release --quiet --bin folio -- bundle "$(POSTS)" -o $(SITE_BUNDLE) $(if $(SPLIT),--split) || [ $$? -eq 1 ]
	node scripts/dist.mjs dist $(SITE) --bundle $(SITE_BUNDLE)

test: bootstrap-test lint native dist-viewer budget e2e

bootstrap-build:
	scripts/bootstrap.sh build

bootstrap-test:
	scripts/bootstrap.sh test

lint:
	cargo fmt --all --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bin folio-web --bin folio-markdown --bin folio-search --locked -- -D warnings

# Also builds target/debug/folio, which the end-to-end tests use to bundle.
native:
	cargo test --locked

dist-viewer:
	$(TRUNK_BUILD)

# Sizes are deterministic for a build, so the 200 KB brotli budget is a test.
budget:
	node scripts/size.mjs dist

e2e:
	FOLIO_BIN=target/debug/folio node --test --test-concurrency=1 tests/e2e/

size: bootstrap-build dist-viewer
	node scripts/size.mjs dist

# Posts per second and peak memory at 1,000 / 10,000 / 100,000 generated
# posts; writes the table into BENCHMARKS.md.
bench-bundle:
	scripts/bench-bundle.sh

# Query latency, bytes before the first list and memory in headless Chromium
# at 1,000 / 10,000 / 100,000 generated articles; writes BENCHMARKS.md.
bench-search: bootstrap-test dist-viewer
	cargo build --release --quiet --bin folio --example generate_posts
	node scripts/bench-search.mjs

# A split bundle's search index: its size against the body text, and the
# data a query needs, at 1,000 / 10,000 / 100,000 articles; writes BENCHMARKS.md.
bench-index:
	cargo build --release --quiet --bin folio --example generate_posts --example split_search
	node scripts/bench-index.mjs
