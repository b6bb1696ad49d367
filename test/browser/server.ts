// A static file server for the built site (dist/) on 127.0.0.1, as a plain static host would serve it.
import {createReadStream} from "node:fs";
import {readFile, stat} from "node:fs/promises";
import {createServer} from "node:http";
import {gzipSync} from "node:zlib";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, sep} from "node:path";

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  // Served as the bytes on disk, never with Content-Encoding: pages inflate them with DecompressionStream.
  ".gz": "application/gzip",
  ".bin": "application/octet-stream",
  ".tar": "application/x-tar",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json"
};

/** Types a static host usually compresses on the fly; `.gz` files are never compressed again. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".map", ".txt", ".csv"]);

export interface ServerOptions {
  /** Serve compressible types with Content-Encoding: gzip, as most hosts do (the benchmark measures that). */
  gzip?: boolean;
  /** Called once per response with the URL path and the bytes of the body as sent. */
  onServe?: (path: string, bytes: number) => void;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file for a URL path, with Framework's clean URLs: /problem → problem.html, /dir/ → dir/index.html. */
async function resolveFile(dir: string, pathname: string): Promise<string | null> {
  let path: string;
  try {
    path = normalize(join(dir, decodeURIComponent(pathname)));
  } catch {
    return null;
  }
  if (path !== dir && !path.startsWith(dir + sep)) return null;
  const candidates = pathname.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return null;
}

export async function startServer(dir: string, options: ServerOptions = {}): Promise<StaticServer> {
  const root = normalize(dir);
  const gzipped = new Map<string, Buffer>();
  const server = createServer(async (request, response) => {
    const {pathname} = new URL(request.url ?? "/", "http://127.0.0.1");
    const file =
      request.method === "GET" || request.method === "HEAD" ? await resolveFile(root, pathname) : null;
    if (!file && !pathname.endsWith("/") && (await resolveFile(root, `${pathname}/`))) {
      response.writeHead(301, {Location: `${pathname}/`}); // a folder's index page, as static hosts do
      response.end();
      return;
    }
    if (!file) {
      const notFound = await resolveFile(root, "/404");
      response.writeHead(404, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"});
      if (notFound && request.method === "GET") createReadStream(notFound).pipe(response);
      else response.end("Not found");
      return;
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    const headers = {"Content-Type": type, "Cache-Control": "no-store"};
    if (options.gzip && COMPRESSIBLE.has(extname(file).toLowerCase())) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(await readFile(file))));
      response.writeHead(200, {...headers, "Content-Encoding": "gzip", "Content-Length": body.length});
      response.end(request.method === "HEAD" ? undefined : body);
      options.onServe?.(pathname, body.length);
      return;
    }
    const {size} = await stat(file);
    response.writeHead(200, {...headers, "Content-Length": size});
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
    options.onServe?.(pathname, size);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
