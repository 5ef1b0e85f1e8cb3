import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { join, resolve } from "node:path";

export interface ServerRecord {
  armEndpoint: string;
  pid: number;
  caPath: string;
  /** Where the live DNS servers listen (src/dns), when `up` started them. */
  dnsPort?: number;
}

/** The running server of a data directory, if one is up (its record exists and its process lives). */
export function runningServer(dataDir: string): ServerRecord | undefined {
  const path = join(resolve(dataDir), "server.json");
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, "utf8")) as ServerRecord;
    process.kill(record.pid, 0);
    return record;
  } catch {
    return undefined;
  }
}

/** A JSON request to a running server's admin endpoint, trusting its CA. */
export function adminRequest(
  server: ServerRecord,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, server.armEndpoint);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolvePromise, reject) => {
    const req = request(
      url,
      {
        method,
        ca: readFileSync(server.caPath),
        headers: payload ? { "content-type": "application/json", "content-length": payload.length } : {},
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
