import {
  type AddressRealization,
  DNS_FALLBACK_PORT,
  loopbackRealization,
  type RealizationTable,
  servicePort,
} from "../fabric/addresses/index.js";
import { changesDns } from "../semantics/dns/dns-inputs.js";
import type { Source } from "../semantics/net/reach-types.js";
import type { ChangeSet, World } from "../world/world.js";
import { AnswerCache } from "./answer-cache.js";
import { type AnswerContext, admits, computeAnswer, QTYPE, sourceOf } from "./answer-query.js";
import { type DnsEntity, dnsEntities } from "./dns-entity.js";
import { type EntityServer, type Reply, startEntityServer } from "./entity-server.js";
import { parseQuery } from "./query-parse.js";
import { EDNS_PAYLOAD, encodeError, FLAG, udpLimit } from "./response-encode.js";
import { startUdpFastPath, type UdpFastPathStats } from "./udp-fast-path.js";

/** The part of the system hub the DNS plane needs. */
export interface DnsSystem {
  snapshot(): World;
  now(): Date;
  subscribe(
    listener: (change: { version: number; snapshot: World; cause?: string; changes?: ChangeSet }) => void,
  ): () => void;
}

export interface DnsPlaneOptions {
  system: DnsSystem;
  realization?: AddressRealization;
  /** Default: 53 if this process may bind it, else 10053 (DNS_FALLBACK_PORT). */
  port?: number;
  /** Unknown source addresses are answered as this host (resource id); unset = REFUSED. */
  defaultFrom?: string;
  /** SERVFAIL for an unreachable forwarder target is sent after this delay (a real forwarder times out). */
  forwardTimeoutMs?: number;
  maxTcpConnections?: number;
  tcpIdleMs?: number;
  /** Threads of the native UDP fast path (default: min(2, cores)). */
  udpThreads?: number;
  /** Called when a server cannot start on its address (e.g. address in use). */
  onError?: (error: Error, entity: DnsEntity) => void;
}

/** A DNS entity as `arclink up` lists it. */
export interface DnsEntityInfo {
  kind: DnsEntity["kind"];
  id: string;
  worldAddress: string;
  realized: string;
  port: number;
}

export interface DnsPlane {
  readonly port: number;
  /** The version the servers answer from (a commit that changes no DNS input, `changesDns`, keeps it). */
  version(): number;
  table(): RealizationTable;
  entities(): DnsEntityInfo[];
  /** Answers one message as the entity at `realized` would (no socket): for tests and benchmarks. */
  answer(realized: string, message: Buffer, from: string, transport?: "udp" | "tcp"): Reply | undefined;
  /** Counters of the native UDP fast path (answers served without JavaScript, …). */
  udpStats(): UdpFastPathStats;
  /** Resolves once the listeners match the latest version (servers started and stopped). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

type Admission = "answer" | "drop" | "refuse";

/** Everything one version needs, swapped as one reference. */
interface State extends AnswerContext {
  version: number;
  cache: AnswerCache;
  byRealized: Map<string, DnsEntity>;
  /** Per (entity, source address): answer, drop (never delivered) or refuse (unknown sender). */
  admitted: Map<string, Admission>;
  defaultFrom?: string;
}

/** A reusable ring of send buffers: no allocation per answer (a slot is reused after RING sends). */
const RING = 4096;
/** UDP answers never exceed the EDNS payload arclink advertises. */
const SLOT = EDNS_PAYLOAD;

/**
 * Starts a UDP and TCP DNS server on the realized address of every DNS entity of the
 * world (on-prem DNS servers, 168.63.129.16 of each vnet, resolver inbound endpoints,
 * public resolvers), answering from `resolve` through a per-version cache of encoded
 * answers; follows the hub's change feed, adding and removing servers without restart.
 *
 * @example
 * const plane = await startDnsPlane({ system: running.system });
 * plane.entities(); // [{ kind: "dns-server", realized: "127.62.36.10", port: 53, … }, …]
 */
export async function startDnsPlane({
  system,
  realization = loopbackRealization(),
  port,
  defaultFrom,
  forwardTimeoutMs = 100,
  maxTcpConnections,
  tcpIdleMs,
  udpThreads,
  onError = (error, entity) =>
    process.stderr.write(`arclink:dns: cannot serve ${entity.id} on ${entity.address.realized}: ${error.message}\n`),
}: DnsPlaneOptions): Promise<DnsPlane> {
  const dnsPort = port ?? (await servicePort(53, DNS_FALLBACK_PORT));
  let state: State;
  const servers = new Map<string, EntityServer | Promise<EntityServer | undefined>>();
  let reconciling: Promise<void> = Promise.resolve();
  const ring = Buffer.allocUnsafe(RING * SLOT);
  const udp = startUdpFastPath({ threads: udpThreads });
  let slot = 0;

  /** `defaultFrom` as a resource id: given as an id, or the name of one host or proxy. */
  function defaultSender(world: World): string | undefined {
    if (!defaultFrom || world.get(defaultFrom)) return defaultFrom;
    const wanted = `/${defaultFrom.toLowerCase()}`;
    const hits = world
      .all()
      .filter((r) => /\/sites\/(hosts|proxies)$/i.test(r.type) && r.id.toLowerCase().endsWith(wanted));
    return hits.length === 1 ? hits[0].id : defaultFrom;
  }

  function build(version: number, world: World): State {
    const table = realization.map(world);
    const entities = dnsEntities(world, table);
    return {
      version,
      world,
      now: system.now(),
      table,
      forwardTimeoutMs,
      cache: new AnswerCache(version),
      byRealized: new Map(entities.map((e) => [e.address.realized, e])),
      admitted: new Map(),
      defaultFrom: defaultSender(world),
    };
  }

  function admission(s: State, entity: DnsEntity, from: string): Admission {
    const key = `${entity.address.realized}|${from}`;
    let found = s.admitted.get(key);
    if (found === undefined) {
      const source: Source | undefined = sourceOf(s, from, s.defaultFrom);
      found = !source ? "refuse" : admits(s, entity, source) ? "answer" : "drop";
      s.admitted.set(key, found);
    }
    return found;
  }

  function handle(host: string) {
    return function answerQuery(message: Buffer, from: string, transport: "udp" | "tcp"): Reply | undefined {
      const s = state;
      const entity = s.byRealized.get(host);
      if (!entity) return undefined;
      const parsed = parseQuery(message);
      if (parsed.kind === "drop") return undefined;
      const error = (
        rcode: Parameters<typeof encodeError>[3],
        q = parsed.kind === "query" ? parsed.query : undefined,
      ) => {
        const id = parsed.kind === "query" ? parsed.query.id : parsed.id;
        const flags = parsed.kind === "query" ? parsed.query.flags : parsed.flags;
        const out = encodeError(message, id, flags, rcode, q, entity.recursionAvailable);
        return { message: out, length: out.length, delayMs: 0 };
      };
      if (parsed.kind === "error") return error(parsed.rcode, parsed.query);
      const q = parsed.query;
      const admit = admission(s, entity, from);
      if (admit !== "answer") return admit === "refuse" ? error("REFUSED") : undefined;
      if (q.qclass !== 1) return error("NOTIMP");
      if (q.qtype === QTYPE.AXFR || q.qtype === QTYPE.IXFR) return error("REFUSED");
      if (q.qtype === QTYPE.MAILA || q.qtype === QTYPE.MAILB || q.qtype === QTYPE.OPT) return error("NOTIMP");
      const key = AnswerCache.key(q.name, q.qtype, q.edns !== undefined);
      let answer = s.cache.get(host, key);
      if (!answer) {
        answer = computeAnswer(s, entity, message, q);
        s.cache.set(host, key, answer);
      }
      const wire = transport === "udp" && answer.full.length > udpLimit(q) ? answer.truncated : answer.full;
      // Patch a copy: the asker's ID, RD bit and question bytes (its case) [RFC 1035 §4.1.1, RFC 4343].
      // Delayed and TCP answers get their own buffer; a ring slot is reused after RING sends.
      const fromRing = transport === "udp" && answer.delayMs === 0;
      const out = fromRing ? ring.subarray(slot * SLOT, slot * SLOT + SLOT) : Buffer.allocUnsafe(wire.length);
      if (fromRing) slot = (slot + 1) % RING;
      wire.copy(out, 0, 0, wire.length);
      out[0] = message[0];
      out[1] = message[1];
      out[2] = (out[2] & ~(FLAG.RD >> 8)) | (message[2] & (FLAG.RD >> 8));
      message.copy(out, 12, 12, q.questionEnd);
      // The native fast path serves the same bytes to later UDP askers with this key, until the version changes.
      const cacheVersion = fromRing ? s.version : undefined;
      return { message: out, length: wire.length, delayMs: answer.delayMs, cacheVersion };
    };
  }

  async function reconcile(s: State): Promise<void> {
    for (const [host, server] of servers) {
      if (s.byRealized.has(host)) continue;
      servers.delete(host);
      const ready = await server;
      await ready?.close();
    }
    const starting: Promise<unknown>[] = [];
    for (const [host, entity] of s.byRealized) {
      if (servers.has(host)) continue;
      const started = startEntityServer({
        host,
        port: dnsPort,
        handle: handle(host),
        udp,
        maxTcpConnections,
        tcpIdleMs,
      }).then(
        (server) => {
          servers.set(host, server);
          return server;
        },
        (error: Error) => {
          onError(error, entity);
          return undefined;
        },
      );
      servers.set(host, started);
      starting.push(started);
    }
    await Promise.all(starting);
  }

  state = build(0, system.snapshot());
  const unsubscribe = system.subscribe(({ version, snapshot, cause, changes }) => {
    // A heartbeat's status change (or any write DNS never reads) keeps every answer and the native table.
    if (cause === "commit" && changes && !changesDns(changes)) return;
    const next = build(version, snapshot);
    state = next; // atomic: every query after this line answers from the new version
    udp.reset(version); // and no answer of an older version is served natively
    reconciling = reconciling.then(() => reconcile(next));
  });
  reconciling = reconcile(state);
  await reconciling;

  return {
    port: dnsPort,
    version: () => state.version,
    table: () => state.table,
    entities: () =>
      [...state.byRealized.values()].map((e) => ({
        kind: e.kind,
        id: e.id,
        worldAddress: e.address.address,
        realized: e.address.realized,
        port: dnsPort,
      })),
    answer: (realized, message, from, transport = "udp") => handle(realized)(message, from, transport),
    udpStats: () => udp.stats(),
    settled: () => reconciling,
    async stop() {
      unsubscribe();
      await reconciling;
      const all = [...servers.values()];
      servers.clear();
      await Promise.all(all.map(async (s) => (await s)?.close()));
      udp.stop();
    },
  };
}
