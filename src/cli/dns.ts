import { existsSync } from "node:fs";
import type { Command } from "commander";
import { type DnsEntity, digText, dnsEntities, queryFromClient, sendQuery, startDnsPlane } from "../dns/index.js";
import {
  DNS_FALLBACK_PORT,
  loopbackRealization,
  loopbackTable,
  placeKey,
  type RealizationTable,
} from "../fabric/addresses/index.js";
import type { DnsStep, Vantage } from "../semantics/dns/dns-types.js";
import { resolveForWire } from "../semantics/dns/resolve-wire.js";
import { readClient } from "../semantics/model/premises.js";
import type { World } from "../world/world.js";
import { worldFromFlags } from "./addresses.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { runningServer } from "./server-record.js";
import { DEFAULT_DATA_DIR } from "./world-source.js";

interface QueryFlags {
  type: string;
  from?: string;
  server?: string;
  world?: string;
  lab?: string;
  data?: string;
  tcp?: boolean;
  timeout: string;
  json?: boolean;
}

const TYPES = ["A", "AAAA", "CNAME", "TXT", "SRV", "PTR", "MX", "SOA", "NS", "ANY"];

/** Finds one world resource by full id, last name segment or `parent/name`; undefined when none, error when ambiguous. */
function pick<T>(items: readonly T[], keys: (item: T) => string[], wanted: string, what: string): T {
  const w = wanted.toLowerCase();
  const hits = items.filter((i) => keys(i).some((k) => k.toLowerCase() === w || k.toLowerCase().endsWith(`/${w}`)));
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) throw new UsageError(`There is no ${what} '${wanted}' in the world.`);
  throw new UsageError(`'${wanted}' matches ${hits.length} ${what}s: give the full id.`);
}

function clientIds(world: World): string[] {
  return world
    .all()
    .filter((r) => /^Arclink\.OnPremises\/sites\/(hosts|proxies)$/i.test(r.type))
    .map((r) => r.id);
}

/** An address in the entity's own place a query can come from (so it is admitted), if any. */
function sourceNear(table: RealizationTable, entity: DnsEntity): string | undefined {
  const place = entity.address.place;
  const home = place.kind === "azure-platform" ? `vnet:${placeKey(place).slice("azure-dns:".length)}` : placeKey(place);
  return table.entries.find(
    (e) =>
      placeKey(e.place) === home &&
      e.realized !== entity.address.realized &&
      (e.place.kind !== "site" || e.entities.some((x) => x.kind === "host" || x.kind === "proxy")),
  )?.realized;
}

function traceText(trace: readonly DnsStep[]): string {
  const short = (at: string) => at.split("/").slice(-2).join("/");
  return `;; TRACE (${trace.length} steps, from the semantics' resolve):\n${trace
    .map((s, i) => `;; ${String(i + 1).padStart(2)}. ${s.kind.padEnd(21)} ${short(s.at)}: ${s.detail}`)
    .join("\n")}\n`;
}

/** Live servers of a running `arclink up` for this data directory, else an in-process plane over the world. */
async function servers(world: World, flags: QueryFlags) {
  const dir = flags.data ?? (flags.world || flags.lab ? undefined : DEFAULT_DATA_DIR);
  const running = dir && existsSync(dir) ? runningServer(dir) : undefined;
  if (running?.dnsPort !== undefined) {
    return { table: loopbackTable(world), port: running.dnsPort, live: "running" as const, stop: async () => {} };
  }
  // A seed of its own: never collides with a running `arclink up` on the same machine.
  const realization = loopbackRealization({ seed: `query-${process.pid}` });
  const plane = await startDnsPlane({
    system: { snapshot: () => world, now: () => new Date(), subscribe: () => () => {} },
    realization,
    port: DNS_FALLBACK_PORT,
    onError: () => {},
  });
  return { table: plane.table(), port: plane.port, live: "in-process" as const, stop: () => plane.stop() };
}

/** `arclink dns query`: one question asked live, as a host or to one DNS entity, with dig's output and the trace. */
export function registerDns(program: Command): void {
  const dns = program.command("dns").description("live DNS: ask the world's DNS servers");
  dns
    .command("query <name>")
    .description(
      "ask NAME as a host does (--from) or of one DNS entity (--server); prints the answer as dig does and the trace",
    )
    .option("--type <type>", `query type (${TYPES.join(", ")})`, "A")
    .option("--from <host>", "ask as this host or proxy: hosts file, then its DNS servers in order")
    .option("--server <entity>", "ask this DNS entity (id, name, world or realized address)")
    .option("--world <file>", "a world file (served in-process)")
    .option("--lab <name>", "a lab's world (served in-process)")
    .option("--data <dir>", "a data directory: its running `arclink up` servers, else served in-process")
    .option("--tcp", "query over TCP")
    .option("--timeout <ms>", "how long to wait for each server", "2000")
    .option("--json", "print the answer, the servers tried and the trace as JSON")
    .action(async (name: string, flags: QueryFlags) => {
      const type = flags.type.toUpperCase();
      if (!TYPES.includes(type))
        throw new UsageError(`Invalid value for --type: '${flags.type}'. Expected one of ${TYPES.join(", ")}.`);
      if ((flags.from === undefined) === (flags.server === undefined))
        throw new UsageError("Give exactly one of --from HOST and --server ENTITY.");
      const timeoutMs = Number(flags.timeout);
      if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
        throw new UsageError(`Invalid value for --timeout: '${flags.timeout}'.`);
      const { world } = worldFromFlags(flags);
      const now = new Date();
      const live = await servers(world, flags);
      try {
        let vantage: Vantage;
        let result: Record<string, unknown>;
        let text = "";
        if (flags.from !== undefined) {
          const id = pick(
            clientIds(world),
            (i) => [
              i,
              i
                .split("/")
                .slice(-3)
                .join("/")
                .replace(/\/(hosts|proxies)\//, "/"),
            ],
            flags.from,
            "host or proxy",
          );
          const client = readClient(world, id);
          vantage = client?.kind === "proxy" ? { kind: "proxy", proxyId: id } : { kind: "host", hostId: id };
          const r = await queryFromClient({
            world,
            table: live.table,
            port: live.port,
            clientId: id,
            name,
            type,
            now,
            timeoutMs,
          });
          result = { from: id, ...r, answer: r.answer?.response };
          if (r.hostsFile)
            text += `;; answered by the hosts file of ${id}: ${r.hostsFile.map((h) => `line ${h.line} ${h.address}`).join(", ")}\n`;
          for (const t of r.tried)
            text += `;; ${t.server} (${t.realized ?? "not realized"}#${live.port}): ${t.outcome}\n`;
          const winner = r.tried.find((t) => t.outcome === "answered");
          if (r.answer?.response && winner)
            text += digText(
              r.answer.response,
              `${winner.realized}#${live.port}(${winner.server}) (${r.answer.transport.toUpperCase()})`,
              r.answer.elapsedMs,
            );
          else if (!r.hostsFile) text += ";; no DNS server answered: SERVFAIL\n";
        } else {
          const entities = dnsEntities(world, live.table);
          const entity = pick(
            entities,
            (e) => [e.id, e.address.address, e.address.realized],
            flags.server as string,
            "DNS entity",
          );
          vantage = entity.vantage;
          const from = sourceNear(live.table, entity);
          const sent = await sendQuery({
            server: entity.address.realized,
            port: live.port,
            from,
            name,
            type,
            tcp: flags.tcp,
            timeoutMs,
          });
          result = {
            server: entity.id,
            realized: entity.address.realized,
            from,
            answer: sent.response,
            transport: sent.transport,
          };
          text += sent.response
            ? digText(
                sent.response,
                `${entity.address.realized}#${live.port}(${entity.address.address}) (${sent.transport.toUpperCase()})`,
                sent.elapsedMs,
              )
            : `;; no answer from ${entity.address.realized}#${live.port} within ${timeoutMs} ms\n`;
        }
        const wire = resolveForWire(world, vantage, name, type === "ANY" ? "A" : type, now);
        result.trace = wire.trace;
        result.served = live.live;
        process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${text}${traceText(wire.trace)}`);
        const answer = result.answer as { rcode?: string } | undefined;
        process.exitCode =
          answer?.rcode === "NOERROR" || (result as { hostsFile?: unknown }).hostsFile ? EXIT.OK : EXIT.FINDINGS;
      } finally {
        await live.stop();
      }
    });
}
