import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { type Socket, connect as tcpConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { DEFAULT_WORLD } from "../../src/cli/up.js";
import { loopbackRealization } from "../../src/fabric/addresses/index.js";
import { AuditLog } from "../../src/fabric/audit/audit-log.js";
import { type FrontDoors, type Gateway, startGateway } from "../../src/fabric/gateway/index.js";
import { createSniContexts } from "../../src/fabric/tls/index.js";
import { labClock } from "../../src/labs/index.js";
import { loadOrCreateCa } from "../../src/pki/index.js";
import type { Place } from "../../src/semantics/net/index.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem, type System } from "../../src/system/index.js";
import { parseWorld } from "../../src/world-file/index.js";
import { TEST_DATA_DIR } from "./system.js";

export const SUB = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/arc-pl/providers`;
export const HQ = `${SUB}/Arclink.OnPremises/sites/hq`;

export interface LiveFabric {
  system: System;
  gateway: Gateway;
  audit: AuditLog;
  ca: string;
  port: number;
  /** The realized address of a world address in a place (a site's host, a vnet's endpoint, the internet). */
  realized(place: Place, address: string): string;
  /** The realized address of a site host of hq. */
  hostAddress(address: string): string;
  close(): Promise<void>;
}

/** A free-ish high port for this test process: parallel developers' tests must not collide. */
export function testPort(): number {
  return 20_000 + (randomBytes(2).readUInt16BE(0) % 20_000);
}

/** The default world (or `worldText`) in a hub at the labs' apply time, with a gateway over it. */
export async function startLiveFabric({
  doors = {},
  worldText,
  worldPath = DEFAULT_WORLD,
  limits,
}: {
  doors?: FrontDoors;
  worldText?: string;
  worldPath?: string;
  limits?: Parameters<typeof startGateway>[0]["limits"];
} = {}): Promise<LiveFabric> {
  const text = worldText ?? readFileSync(worldPath, "utf8");
  const system = openSystem({
    memory: true,
    clock: labClock(),
    world: parseWorld(text, worldPath, DEFAULT_SUBSCRIPTION_ID),
  });
  system.advanceClock(60 * 60_000);
  const ca = await loadOrCreateCa(TEST_DATA_DIR, new Date());
  const sni = await createSniContexts(ca, new Date());
  const realization = loopbackRealization({ seed: randomBytes(4).toString("hex") });
  const audit = new AuditLog();
  let gateway: Gateway | undefined;
  let port = 0;
  for (let attempt = 0; !gateway; attempt++) {
    port = testPort();
    try {
      gateway = await startGateway({ system, realization, sni, audit, doors, port, limits });
    } catch (error) {
      if (attempt > 5) throw error;
    }
  }
  const realized = (place: Place, address: string) => {
    const r = gateway?.table().realize(place, address);
    if (!r) throw new Error(`${address} is not realized in ${JSON.stringify(place)}`);
    return r;
  };
  return {
    system,
    gateway,
    audit,
    ca: ca.certPem,
    port,
    realized,
    hostAddress: (address) => realized({ kind: "site", siteId: HQ }, address),
    async close() {
      await gateway?.close();
      system.close();
    },
  };
}

export interface HttpsResult {
  kind: "response" | "timeout" | "reset" | "tls-error" | "error";
  status?: number;
  body?: string;
  error?: string;
}

/** One HTTPS request from a realized source address to a realized destination, with SNI and Host = name. */
export function httpsFrom(
  fabric: LiveFabric,
  from: string,
  to: string,
  name: string,
  {
    path = "/",
    method = "GET",
    headers = {},
    body,
    timeoutMs = 1500,
  }: { path?: string; method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpsResult> {
  return new Promise((resolve) => {
    const req = request({
      host: to,
      port: fabric.port,
      localAddress: from,
      servername: name,
      ca: fabric.ca,
      method,
      path,
      agent: false,
      headers: { host: name, ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ kind: "timeout" });
    }, timeoutMs);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ kind: "response", status: res.statusCode, body: Buffer.concat(chunks).toString() });
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const kind =
        error.code === "ECONNRESET"
          ? "reset"
          : /SSL|TLS|alert|certificate/i.test(error.message)
            ? "tls-error"
            : "error";
      resolve({ kind, error: `${error.code ?? ""} ${error.message}` });
    });
    req.end(body);
  });
}

/** Raw bytes to a listener; resolves with what came back before close (or a timeout). */
export function rawFrom(
  fabric: LiveFabric,
  from: string,
  to: string,
  bytes: Buffer | string,
  timeoutMs = 1000,
): Promise<{ closed: boolean; data: string }> {
  return new Promise((resolve) => {
    const socket: Socket = tcpConnect({ host: to, port: fabric.port, localAddress: from });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, data: Buffer.concat(chunks).toString() });
    }, timeoutMs);
    socket.on("connect", () => socket.write(bytes));
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, data: Buffer.concat(chunks).toString() });
    });
  });
}

export { tlsConnect };
