import { request } from "node:https";
import { type Socket, connect as tcpConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { queryFromClient } from "../../src/dns/index.js";
import { WIRE_ACTIONS } from "../../src/fabric/gateway/index.js";
import { plan } from "../../src/semantics/agent/plan.js";
import { connect } from "../../src/semantics/connect/index.js";
import { readClient } from "../../src/semantics/model/premises.js";
import type { LiveFabric } from "./live-fabric.js";

/** What the wire did; a closed union. */
export type Wire =
  | "response"
  | "refused-403"
  | "timeout"
  | "reset"
  | "tls-error"
  | "dns"
  | "proxy-502"
  | "proxy-504"
  | "client-side"
  | "unrealized";

export interface LiveAttempt {
  wire: Wire;
  /** The live decision: the gateway's (or proxy's) audit entry, or the client's own stop. */
  outcome: string;
  detail?: string;
}

const SERVED = new Set(["private-endpoint", "public-address"]);

/** GET / over TLS inside an established proxy tunnel, classified like `httpsGet`. */
function getOverTunnel(
  live: LiveFabric,
  name: string,
  socket: Socket,
  timeoutMs: number,
): Promise<{ wire: Wire; status?: number; code?: string }> {
  return new Promise((resolve) => {
    const tls = tlsConnect({ socket, servername: name, ca: live.ca });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      tls.destroy();
      resolve({ wire: "timeout" });
    }, timeoutMs);
    tls.on("secureConnect", () => tls.write(`GET / HTTP/1.1\r\nHost: ${name}\r\nConnection: close\r\n\r\n`));
    tls.on("data", (d: Buffer) => chunks.push(d));
    tls.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({
        wire:
          tls.authorized || (/ECONNRESET/.test(String(e.code)) && !/before secure TLS/.test(e.message))
            ? "reset"
            : "tls-error",
      });
    });
    tls.on("end", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString();
      const status = Number(text.split(" ")[1]);
      resolve(classify(status, text.slice(text.indexOf("\r\n\r\n") + 4)));
    });
  });
}

function classify(status: number | undefined, body: string): { wire: Wire; status?: number; code?: string } {
  let code: string | undefined;
  try {
    code = JSON.parse(body).error?.code;
  } catch {}
  const refusal = Object.values(WIRE_ACTIONS).some((a) => a.kind === "refuse" && a.code === code);
  return { wire: status === 403 && refusal ? "refused-403" : "response", status, code };
}

/** An HTTPS GET to an address, classified. */
function httpsGet(
  live: LiveFabric,
  name: string,
  target: { from: string; to: string },
  timeoutMs: number,
): Promise<{ wire: Wire; status?: number; code?: string }> {
  return new Promise((resolve) => {
    const req = request({
      host: target.to,
      port: live.port,
      localAddress: target.from,
      servername: name,
      ca: live.ca,
      path: "/",
      agent: false,
      headers: { host: name },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ wire: "timeout" });
    }, timeoutMs);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve(classify(res.statusCode, Buffer.concat(chunks).toString()));
      });
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A refused handshake closes before TLS is up; a reset is a reset.
      const beforeTls = /before secure TLS connection|alert|SSL/i.test(e.message);
      resolve({ wire: !beforeTls && (e.code === "ECONNRESET" || e.code === "ECONNREFUSED") ? "reset" : "tls-error" });
    });
    req.end();
  });
}

/**
 * Does on real sockets what a host's agent does for one endpoint: its plan (route, gates),
 * then live DNS from the host's address (hosts file, its DNS servers) or CONNECT through its
 * proxy, then TLS with the name as SNI from the host's realized address. Returns the wire's
 * behaviour and the live decision the gateway (or proxy) logged for it.
 */
export async function agentConnect(
  live: LiveFabric,
  hostId: string,
  endpoint: string,
  timeoutMs = 3000,
): Promise<LiveAttempt> {
  const world = live.system.snapshot();
  const now = live.system.now();
  const p = plan(world, hostId, endpoint, now);
  if (p.result !== "PLANNED") return { wire: "client-side", outcome: connect(world, hostId, endpoint, now).outcome };
  const host = readClient(world, hostId);
  const table = live.gateway.table();
  const from = table.entries.find((e) => e.entities.some((x) => x.kind === "host" && x.id === hostId))?.realized;
  if (!host || !from) throw new Error(`host ${hostId} is not realized`);
  const mark = live.audit.recent().length;
  const logged = (kinds: string[]) =>
    live.audit
      .recent()
      .slice(mark)
      .find((e) => kinds.includes(e.kind) && e.serverName === p.endpoint && e.outcome)?.outcome ?? "none";

  if (p.route.kind === "proxy") {
    const route = p.route;
    const proxy = route.proxyId
      ? table.entries.find((e) => e.entities.some((x) => x.kind === "proxy" && x.id === route.proxyId))
      : undefined;
    if (!proxy) return { wire: "client-side", outcome: "PROXY_NOT_FOUND" };
    const socket = tcpConnect({ host: proxy.realized, port: route.port, localAddress: from });
    socket.on("error", () => {});
    socket.write(`CONNECT ${p.endpoint}:443 HTTP/1.1\r\nHost: ${p.endpoint}:443\r\n\r\n`);
    const status = await new Promise<number | "timeout" | "closed">((resolve) => {
      const timer = setTimeout(() => resolve("timeout"), timeoutMs);
      let head = "";
      socket.on("data", function onData(d: Buffer) {
        head += d.toString("latin1");
        if (!head.includes("\r\n\r\n")) return;
        socket.off("data", onData);
        clearTimeout(timer);
        resolve(Number(head.split(" ")[1]));
      });
      socket.on("close", () => resolve("closed"));
    });
    if (status === "timeout" || status === "closed") {
      socket.destroy();
      return { wire: "timeout", outcome: logged(["proxy"]) };
    }
    if (status === 502) return { wire: "proxy-502", outcome: logged(["proxy"]) };
    if (status === 504) return { wire: "proxy-504", outcome: logged(["proxy"]) };
    const r = await getOverTunnel(live, p.endpoint, socket, timeoutMs);
    socket.destroy();
    return { wire: r.wire, outcome: logged(["connection"]), detail: r.code };
  }

  if (!live.dns) throw new Error("agentConnect needs the live DNS plane");
  const answer = await queryFromClient({
    world,
    table,
    port: live.dns.port,
    clientId: hostId,
    name: p.endpoint,
    type: "A",
    now,
    timeoutMs: 1500,
  });
  if (answer.rcode !== "NOERROR" || answer.addresses.length === 0) {
    const dns = answer.rcode === "NOERROR" ? "NO_ANSWER" : answer.rcode === "REFUSED" ? "DNS_REFUSED" : answer.rcode;
    return { wire: "dns", outcome: dns };
  }
  const address = answer.addresses[0];
  const to = table.entries.find((e) => e.address === address && e.entities.some((x) => SERVED.has(x.kind)))?.realized;
  if (!to) return { wire: "unrealized", outcome: "NO_LISTENER", detail: address };
  const r = await httpsGet(live, p.endpoint, { from, to }, timeoutMs);
  return { wire: r.wire, outcome: logged(["connection"]), detail: r.code };
}

/** Whether what the wire did is what the catalogue says an outcome does. */
export function wireAgrees(outcome: string, wire: Wire): boolean {
  if (wire === "client-side" || wire === "dns") return true;
  if (wire === "unrealized") return outcome === "NO_LISTENER";
  const action = WIRE_ACTIONS[outcome as keyof typeof WIRE_ACTIONS]?.kind;
  switch (wire) {
    case "response":
    case "tls-error":
      return action === "serve";
    case "refused-403":
      return action === "refuse";
    case "timeout":
    case "proxy-504":
      return action === "drop";
    case "reset":
      return action === "reset";
    case "proxy-502":
      return ["NXDOMAIN", "SERVFAIL", "DNS_REFUSED", "NO_ANSWER", "NO_LISTENER"].includes(outcome);
  }
}
