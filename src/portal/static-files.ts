import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { ArmRequest, ArmResponse } from "../arm/http-types.js";

/** Where `npm run build` puts the portal bundle (vite's outDir): `dist/web` of the package. */
export const WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The page may load only its own scripts and styles and talk only to this origin. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

interface CachedFile {
  raw: Buffer;
  gzip?: Buffer;
  type: string;
  mtimeMs: number;
}

/**
 * Serves the built portal under `prefix`: `prefix` and `prefix/` give index.html;
 * hashed assets are immutable; files are gzipped once when the client accepts it.
 * Paths that leave the root are not found. A missing bundle is a 503 that says how to build it.
 *
 * @example
 * const serve = createStaticFiles({ root: WEB_ROOT, prefix: "/portal" });
 * serve(req) // index.html for GET /portal/
 */
export function createStaticFiles({ root = WEB_ROOT, prefix = "/portal" }: { root?: string; prefix?: string } = {}) {
  const cache = new Map<string, CachedFile>();
  const base = normalize(root);

  function read(path: string): CachedFile | undefined {
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const mtimeMs = statSync(path).mtimeMs;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    const raw = readFileSync(path);
    const file = { raw, type, mtimeMs, gzip: /text|javascript|json|svg/.test(type) ? gzipSync(raw) : undefined };
    cache.set(path, file);
    return file;
  }

  return function staticFiles(req: ArmRequest): ArmResponse | undefined {
    const lower = req.path.toLowerCase();
    if (lower !== prefix && !lower.startsWith(`${prefix}/`)) return undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      return {
        status: 405,
        headers: { allow: "GET, HEAD" },
        body: { error: { code: "MethodNotAllowed", message: `The portal serves files with GET; got ${req.method}.` } },
      };
    }
    const rest = req.path.slice(prefix.length).replace(/^\//, "") || "index.html";
    const path = normalize(join(base, rest));
    if (path !== base && !path.startsWith(base + sep)) return notFound(req);
    const file = read(path);
    if (!file) {
      if (!existsSync(join(base, "index.html"))) {
        return {
          status: 503,
          body: {
            error: {
              code: "PortalNotBuilt",
              message: `The portal bundle is not built (no '${base}/index.html'); run 'npm run build'.`,
            },
          },
        };
      }
      return notFound(req);
    }
    const gzip = file.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      "content-type": file.type,
      "cache-control": rest.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
    };
    if (gzip) headers["content-encoding"] = "gzip";
    return { status: 200, headers, body: gzip ? file.gzip : file.raw };
  };
}

function notFound(req: ArmRequest): ArmResponse {
  return { status: 404, body: { error: { code: "NotFound", message: `No portal file '${req.path}'.` } } };
}
