import { isPrivateLinkCapable } from "../../semantics/agent/index.js";
import { type HostsEntry, lookupHostsFile, parseHostsFile } from "../../semantics/dns/index.js";
import {
  allPrivateEndpoints,
  arcScopeOf,
  canonicalName,
  isArcPrivateLinkName,
  list,
  str,
  strings,
} from "../../semantics/model/index.js";
import { idKey } from "../../world/arm-id.js";
import type { World } from "../../world/world.js";
import { type Finding, finding } from "../finding.js";
import type { HostInfo, WorldCheck } from "./check-types.js";

/** Lines the parser skipped that parse once their last field moves to the front: name and address swapped. */
function reversedLines(text: string, parsed: readonly HostsEntry[]): number[] {
  const kept = new Set(parsed.map((e) => e.line));
  const out: number[] = [];
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    if (kept.has(i + 1)) return;
    const fields = raw
      .replace(/#.*$/, "")
      .trim()
      .split(/[ \t]+/)
      .filter(Boolean);
    if (fields.length < 2) return;
    if (parseHostsFile(`${fields.at(-1)} ${fields.slice(0, -1).join(" ")}`).length > 0) out.push(i + 1);
  });
  return out;
}

/** For each Arc scope: the addresses its private endpoints give each FQDN (`customDnsConfigs`), and all of them. */
export function scopeAddresses(world: World) {
  const out = new Map<string, { byName: Map<string, Set<string>>; all: Set<string> }>();
  for (const pe of allPrivateEndpoints(world)) {
    const scopeId = arcScopeOf(world, pe.id);
    if (!scopeId) continue;
    let s = out.get(idKey(scopeId));
    if (!s) {
      s = { byName: new Map(), all: new Set() };
      out.set(idKey(scopeId), s);
    }
    for (const a of pe.addresses) s.all.add(a);
    for (const c of list(world.get(pe.id)?.properties.customDnsConfigs)) {
      const name = canonicalName(str(c.fqdn) ?? "");
      const set = s.byName.get(name) ?? new Set<string>();
      for (const a of strings(c.ipAddresses)) set.add(a);
      s.byName.set(name, set);
    }
  }
  return out;
}

/**
 * Hosts files [DOC-PL §8]: the single-server alternative maps each public Arc FQDN to the
 * private endpoint's address. Lines with `privatelink.` names are never asked for; lines
 * with the name first are skipped by the resolver; addresses that are not the scope's
 * endpoint address for that name are stale; and once a file maps some Arc names, every
 * Arc name the agent uses needs a line.
 */
export const hostsFileCheck: WorldCheck = {
  name: "hosts-files",
  codes: ["ARC-HOSTS-PRIVATELINK", "ARC-HOSTS-REVERSED", "ARC-HOSTS-STALE", "ARC-HOSTS-MISSING"],
  run({ world, hosts }) {
    const out: Finding[] = [];
    let scopes: ReturnType<typeof scopeAddresses> | undefined;
    // Hosts with the same file, scope and endpoints get the same findings: judged once.
    const judged = new Map<string, Finding[]>();
    const lists = new WeakMap<object, number>();
    let listCount = 0;
    for (const h of hosts) {
      const text = h.client.hostsFile;
      if (!text) continue;
      const scopeId = h.machine?.privateLinkScopeResourceId;
      let list = lists.get(h.endpoints);
      if (list === undefined) {
        list = ++listCount;
        lists.set(h.endpoints, list);
      }
      const key = `${scopeId?.toLowerCase() ?? ""}\n${list}\n${text}`;
      let found = judged.get(key);
      if (!found) {
        scopes ??= scopeAddresses(world);
        found = judge(text, scopeId, scopes, h);
        judged.set(key, found);
      }
      const hostId = h.client.id;
      for (const f of found) out.push({ ...f, hostId, message: f.message.replaceAll(HOST, hostId) });
    }
    return out;
  },
};

/** Stands for the host id in a message judged once for many hosts. */
const HOST = "\u0000host\u0000";

function judge(
  text: string,
  scopeId: string | undefined,
  scopes: ReturnType<typeof scopeAddresses>,
  h: HostInfo,
): Finding[] {
  const out: Finding[] = [];
  const hostId = HOST;
  const entries = parseHostsFile(text);
  for (const line of reversedLines(text, entries)) {
    out.push(
      finding("ARC-HOSTS-REVERSED", {
        hostId,
        message: `Hosts file of "${hostId}" line ${line} has the name before the address; the line is ignored.`,
      }),
    );
  }
  for (const e of entries) {
    for (const name of e.names.filter(isArcPrivateLinkName)) {
      out.push(
        finding("ARC-HOSTS-PRIVATELINK", {
          hostId,
          message: `Hosts file of "${hostId}" line ${e.line} maps "${name}", a privatelink. name the agent never asks for.`,
        }),
      );
    }
  }
  if (!scopeId) return out;
  const scope = scopes.get(idKey(scopeId));
  for (const e of entries) {
    for (const name of e.names.filter(isPrivateLinkCapable)) {
      const expected = scope?.byName.get(name) ?? scope?.all ?? new Set<string>();
      if (expected.has(e.address)) continue;
      const want = [...expected].join(", ") || "none: the scope has no private endpoint";
      out.push(
        finding("ARC-HOSTS-STALE", {
          hostId,
          endpoint: name,
          message: `Hosts file of "${hostId}" line ${e.line} maps "${name}" to ${e.address}; the private endpoint address of scope "${scopeId}" is ${want}.`,
        }),
      );
    }
  }
  out.push(...missingNames({ ...h, client: { ...h.client, id: HOST } }, entries));
  return out;
}

function missingNames(h: HostInfo, entries: HostsEntry[]): Finding[] {
  const arcNames = h.endpoints.map((e) => e.name).filter(isPrivateLinkCapable);
  const present = arcNames.filter((n) => lookupHostsFile(entries, n, "A").length > 0);
  if (present.length === 0 || present.length === arcNames.length) return [];
  const missing = arcNames.filter((n) => !present.includes(n));
  return [
    finding("ARC-HOSTS-MISSING", {
      hostId: h.client.id,
      message: `Hosts file of "${h.client.id}" maps ${present.join(", ")} but not ${missing.join(", ")}.`,
      evidence: missing,
    }),
  ];
}

/**
 * The hosts-file line a host that uses the hosts-file alternative (its file maps some Arc
 * names) needs for `name`, with its scope's private endpoint address [DOC-PL §8];
 * undefined when the host's file maps no Arc name or the scope has no address for it.
 *
 * @example
 * missingHostsLine(h, "weu.his.arc.azure.com", scopes) // "10.10.1.5 weu.his.arc.azure.com"
 */
export function missingHostsLine(
  h: HostInfo,
  name: string,
  scopes: ReturnType<typeof scopeAddresses>,
): string | undefined {
  const text = h.client.hostsFile;
  const scopeId = h.machine?.privateLinkScopeResourceId;
  if (!text || !scopeId) return undefined;
  const entries = parseHostsFile(text);
  if (!entries.some((e) => e.names.some(isPrivateLinkCapable))) return undefined;
  const address = [...(scopes.get(idKey(scopeId))?.byName.get(canonicalName(name)) ?? [])][0];
  return address ? `${address} ${canonicalName(name)}` : undefined;
}
