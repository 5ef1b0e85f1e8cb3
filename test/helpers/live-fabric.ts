import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { type Socket, connect as tcpConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
import type { App } from "../../src/arm/app.js";
import { createApp } from "../../src/arm/app.js";
import { DEFAULT_WORLD } from "../../src/cli/up.js";
import { type DnsPlane, startDnsPlane } from "../../src/dns/index.js";
import { loopbackRealization } from "../../src/fabric/addresses/index.js";
import type { AuditLog } from "../../src/fabric/audit/index.js";
import { VirtualClock } from "../../src/fabric/clock.js";
import { type Fabric, startFabric } from "../../src/fabric/fabric.js";
import type { Gateway, GatewayLimits } from "../../src/fabric/gateway/index.js";
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
  fabric: Fabric;
  gateway: Gateway;
  audit: AuditLog;
  app: App;
  ca: string;
  port: number;
  /** The realized address of a world address in a place (a site's host, a vnet's endpoint, the internet). */
  realized(place: Place, address: string): string;
  /** The realized address of a site host of hq. */
  hostAddress(address: string): string;
  dns?: DnsPlane;
  close(): Promise<void>;
}

/** A free-ish high port for this test process: parallel developers' tests must not collide. */
export function testPort(): number {
  return 20_000 + (randomBytes(2).readUInt16BE(0) % 20_000);
}

/** The default world (or `worldText`) in a hub at the labs' apply time plus an hour, with the live fabric over it. */
export async function startLiveFabric({
  worldText,
  worldPath = DEFAULT_WORLD,
  limits,
  advanceMs = 60 * 60_000,
  dns = false,
  realTime = false,
}: {
  /** Real time instead of the labs' fixed clock (the ARM front verifies tokens in real time). */
  realTime?: boolean;
  worldText?: string;
  worldPath?: string;
  limits?: Partial<GatewayLimits>;
  /** Virtual time after applying the world (labs: their verify time). */
  advanceMs?: number;
  /** Also start the live DNS plane on the same addresses (on a random port). */
  dns?: boolean;
} = {}): Promise<LiveFabric> {
  const text = worldText ?? readFileSync(worldPath, "utf8");
  const system = openSystem({
    memory: true,
    clock: realTime ? new VirtualClock() : labClock(),
    world: parseWorld(text, worldPath, DEFAULT_SUBSCRIPTION_ID),
  });
  if (!realTime) system.advanceClock(advanceMs);
  const ca = await loadOrCreateCa(TEST_DATA_DIR, new Date());
  const app = await createApp({ system });
  const realization = loopbackRealization({ seed: randomBytes(4).toString("hex") });
  let fabric: Fabric | undefined;
  for (let attempt = 0; !fabric; attempt++) {
    try {
      fabric = await startFabric({ system, ca, app, port: testPort(), realization, limits, upstreamTimeoutMs: 300 });
    } catch (error) {
      if (attempt > 5) throw error;
    }
  }
  const f = fabric;
  let plane: DnsPlane | undefined;
  for (let attempt = 0; dns && !plane; attempt++) {
    try {
      plane = await startDnsPlane({ system, realization, port: testPort(), forwardTimeoutMs: 200 });
    } catch (error) {
      if (attempt > 5) throw error;
    }
  }
  const realized = (place: Place, address: string) => {
    const r = f.gateway.table().realize(place, address);
    if (!r) throw new Error(`${address} is not realized in ${JSON.stringify(place)}`);
    return r;
  };
  return {
    system,
    fabric: f,
    gateway: f.gateway,
    audit: f.audit,
    app,
    ca: ca.certPem,
    port: f.port,
    realized,
    hostAddress: (address) => realized({ kind: "site", siteId: HQ }, address),
    dns: plane,
    async close() {
      await plane?.stop();
      await f.stop();
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
