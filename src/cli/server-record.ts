import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { join, resolve } from "node:path";
import { ADMIN_KEY_HEADER, adminKeyPath } from "../arm/admin-auth.js";

export interface ServerRecord {
  armEndpoint: string;
  pid: number;
  caPath: string;
  /** The data directory the record was found in (not stored: where it was read from). */
  dataDir?: string;
  /** Where the live DNS servers listen (src/dns), when `up` started them. */
  dnsPort?: number;
  /** The HTTPS port of every front door of the live network (src/fabric), when `up` started it. */
  gatewayPort?: number;
  /** The realized addresses the gateway listens on (sorted; rewritten when the world moves them). */
  gatewayAddresses?: string[];
  /** The site proxies' `address:port`, likewise. */
  proxyAddresses?: string[];
}

/** The running server of a data directory, if one is up (its record exists and its process lives). */
export function runningServer(dataDir: string): ServerRecord | undefined {
  const path = join(resolve(dataDir), "server.json");
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, "utf8")) as ServerRecord;
    process.kill(record.pid, 0);
    return { ...record, dataDir: resolve(dataDir) };
  } catch {
    return undefined;
  }
}

/** A JSON request to a running server's admin endpoint, trusting its CA, with the data directory's admin key. */
export function adminRequest(
  server: ServerRecord,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, server.armEndpoint);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const keyFile = server.dataDir ? adminKeyPath(server.dataDir) : undefined;
  const adminKey = keyFile && existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : undefined;
  return new Promise((resolvePromise, reject) => {
    const req = request(
      url,
      {
        method,
        ca: readFileSync(server.caPath),
        headers: {
          ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
          ...(adminKey ? { [ADMIN_KEY_HEADER]: adminKey } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolvePromise({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
