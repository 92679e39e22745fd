// A small static file server for the built viewer: `make serve` uses it, and
// the end-to-end tests start it under a sub-path to prove relative URLs work.
//
//   node scripts/serve.mjs <ROOT> [--port 8080] [--prefix /some/where/]
//
// Only 127.0.0.1 is bound. `overrides` (tests only) maps a path below the
// prefix to a file elsewhere, or to {status, body, type, chunkDelayMs} for
// error cases and slow responses (sent in 64 KB chunks with a pause each).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` at `http://127.0.0.1:<port><prefix>`. Resolves to
 * `{ url, close, requests }`; `requests` lists every path asked for.
 */
export async function startServer({ root, port = 0, prefix = "/", overrides = {} }) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    } catch {
      response.writeHead(400).end("bad request\n");
      return;
    }
    requests.push(path);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end("outside the served prefix\n");
      return;
    }
    let relative = path.slice(prefix.length) || "index.html";
    const override = overrides[relative];
    if (override && typeof override === "object") {
      const body = Buffer.from(override.body ?? "");
      response.writeHead(override.status ?? 200, {
        "content-type": override.type ?? "application/json",
        "content-length": body.length,
      });
      if (!override.chunkDelayMs) {
        response.end(body);
        return;
      }
      for (let at = 0; at < body.length; at += 65536) {
        response.write(body.subarray(at, at + 65536));
        await new Promise((done) => setTimeout(done, override.chunkDelayMs));
      }
      response.end();
      return;
    }
    let file = override ?? normalize(join(base, relative));
    if (!override && file !== base && !file.startsWith(base + "/")) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return {
    url,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : fallback;
  };
  const port = Number(option("--port", "8080"));
  const prefix = option("--prefix", "/");
  const root = args[0] ?? "dist";
  const { url } = await startServer({ root, port, prefix });
  console.log(`folio: serving ${root} on ${url} (Ctrl-C stops)`);
}
