import { DEFAULT_REGION, sharedHostEndpoints } from "../semantics/agent/index.js";
import { connectWith } from "../semantics/connect/index.js";
import { HOST_TYPE, readClient, readMachine } from "../semantics/model/index.js";
import { idKey, sameId } from "../world/arm-id.js";
import type { World } from "../world/world.js";
import type { CheckContext, HostInfo } from "./checks/check-types.js";
import { missingHostsLine, scopeAddresses } from "./checks/hosts-file-checks.js";
import { WORLD_CHECKS } from "./checks/world-checks.js";
import { compareFindings, type Finding } from "./finding.js";
import { IndexedWorld } from "./indexed-world.js";
import { type MemoCalls, memoCalls } from "./memo.js";
import { type Proof, proofBuilder } from "./proof.js";
import { HOST_LEVEL, verdictFindings, withHostsLine } from "./verdict-findings.js";
import { rowForHost, rowOf } from "./verdict-row.js";
import type { EndpointVerdict } from "./verdict-types.js";

export interface VerifyOptions {
  /** The instant to judge at (association delay); the CLI passes the real time or `--at`. */
  now: Date;
  /** Limit the verdict table to these hosts: ids, `site/host`, or host names. World-wide checks still run. */
  hosts?: readonly string[];
  /** Region for hosts with no machine resource. */
  defaultRegion?: string;
}

export interface VerifyReport {
  now: Date;
  /** Hosts with an agent that were verified. */
  hosts: readonly HostInfo[];
  verdicts: EndpointVerdict[];
  /** Errors first, then by code; stable. */
  findings: Finding[];
  proof: Proof;
  /** Distinct semantic answers computed (how much the run shared). */
  stats: Record<string, number>;
}

function matches(client: { id: string; siteId: string }, wanted: string): boolean {
  if (sameId(client.id, wanted)) return true;
  const name = client.id.split("/").at(-1)?.toLowerCase();
  const site = client.siteId.split("/").at(-1)?.toLowerCase();
  const w = wanted.toLowerCase();
  return w === name || w === `${site}/${name}`;
}

/**
 * Hosts with an agent, in id order. Hosts whose raw properties (but the address and the
 * machine id) are equal, whose addresses fall in the same source class and whose
 * machines agree on what the semantics read of them (type, location, scope, association
 * time, extensions) are read once: the others copy that reading with their own id,
 * address and machine id, and share its `classKey`.
 */
export function readHosts(world: World, calls: MemoCalls, defaultRegion = DEFAULT_REGION): HostInfo[] {
  const endpointsOf = sharedHostEndpoints(world, defaultRegion);
  const resources = world.ofType(HOST_TYPE).map((r) => ({ r, key: r.id.toLowerCase() }));
  resources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const read = new Map<string, HostInfo>();
  const out: HostInfo[] = [];
  for (const { r, key } of resources) {
    const { address, machineId, ...rest } = r.properties;
    const m = typeof machineId === "string" ? world.get(machineId) : undefined;
    const machineKey = m
      ? JSON.stringify([
          m.type,
          m.location,
          m.properties.privateLinkScopeResourceId,
          m.internal?.privateLinkScopeAssociatedAt,
          m.internal?.privateLinkScopeSetAtOnboarding,
          m.properties.extensions,
        ])
      : machineId === undefined
        ? ""
        : JSON.stringify(machineId === "" ? "" : "missing");
    const siteId = r.id.slice(0, key.lastIndexOf("/", key.lastIndexOf("/") - 1));
    const source = calls.sourceClassOf(siteId, typeof address === "string" ? address : "");
    const classKey = `${source}\n${JSON.stringify(rest)}\n${machineKey}`;
    const first = read.get(classKey);
    if (!first) {
      const client = readClient(world, r.id);
      const machine = client?.machineId ? readMachine(world, client.machineId) : undefined;
      const info = client && { client, machine, endpoints: endpointsOf(client, machine), classKey };
      if (info) read.set(classKey, info);
      if (info?.client.agent) out.push(info);
      continue;
    }
    if (!first.client.agent) continue;
    out.push({
      client: {
        ...first.client,
        id: r.id,
        address: typeof address === "string" ? address : "",
        machineId: first.client.machineId && (machineId as string),
      },
      machine: first.machine && m ? { ...first.machine, id: m.id } : first.machine,
      endpoints: first.endpoints,
      classKey,
    });
  }
  return out;
}

/**
 * `arclink verify` over one snapshot: the verdict of every host × endpoint (composed by
 * the connection pipeline `connectWith` over memoized semantic calls), the findings those verdicts and the
 * world-wide checks raise, and the no-exfiltration proof.
 *
 * @example
 * const report = verifyWorld(arcPrivateLinkWorld(), { now: new Date() });
 * report.findings.filter((f) => f.severity === "error") // []
 */
export function verifyWorld(snapshot: World, options: VerifyOptions): VerifyReport {
  const world = snapshot instanceof IndexedWorld ? snapshot : new IndexedWorld(snapshot);
  const calls = memoCalls(world, options.now);
  const hosts = readHosts(world, calls, options.defaultRegion);
  const wanted = options.hosts;
  const selected = wanted?.length ? hosts.filter((h) => wanted.some((w) => matches(h.client, w))) : hosts;

  const verdicts: EndpointVerdict[] = [];
  const findings: Finding[] = [];
  const hostLevel = new Set<string>();
  const proof = proofBuilder();
  let scopes: ReturnType<typeof scopeAddresses> | undefined;
  const hostsLines = new Map<string, string | undefined>();
  // Rows of the first host of each class, and the indices of those that raise findings.
  const classes = new Map<string, { rows: EndpointVerdict[]; raising: number[] }>();
  for (const h of selected) {
    const hostId = h.client.id;
    const key = calls.hostClass(h);
    let cls = classes.get(key);
    const offset = verdicts.length;
    if (!cls) {
      const source = { kind: "host", hostId } as const;
      const rows = h.endpoints.map((e) => rowOf(hostId, e.origin, connectWith(calls, source, e.name)));
      const raising = rows.flatMap((r, i) => (verdictFindings(r).length > 0 ? [i] : []));
      cls = { rows, raising };
      classes.set(key, cls);
      for (const r of rows) verdicts.push(r);
    } else {
      for (const r of cls.rows) verdicts.push(rowForHost(r, hostId));
    }
    for (const i of cls.raising) {
      const row = verdicts[offset + i];
      const raised = verdictFindings(row);
      if (
        h.client.hostsFile &&
        raised.some((f) => f.code === "ARC-DNS-PUBLIC" || f.code === "ARC-ACCESS-PUBLIC-PATH")
      ) {
        // Hosts of one class have the same file and scope: one line per class and name.
        const k = `${key}\n${row.endpoint}`;
        if (!hostsLines.has(k)) {
          scopes ??= scopeAddresses(world);
          hostsLines.set(k, missingHostsLine(h, row.endpoint, scopes));
        }
        withHostsLine(raised, hostsLines.get(k));
      }
      for (const f of raised) {
        if (HOST_LEVEL.has(f.code)) {
          const k = `${f.code}|${hostId}`;
          if (hostLevel.has(k)) continue;
          hostLevel.add(k);
        }
        findings.push(f);
      }
    }
    proof.add(h, verdicts, offset, cls.rows);
  }

  const ctx: CheckContext = { world, now: options.now, hosts };
  const keep = new Set(selected.map((h) => idKey(h.client.id)));
  for (const check of WORLD_CHECKS) {
    for (const f of check.run(ctx)) if (!f.hostId || !wanted?.length || keep.has(idKey(f.hostId))) findings.push(f);
  }
  findings.sort(compareFindings);
  return {
    now: options.now,
    hosts: selected,
    verdicts,
    findings,
    proof: proof.result(),
    stats: { hostClasses: classes.size, ...calls.stats() },
  };
}
