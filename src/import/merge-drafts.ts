import type { DnsServerDraft } from "./dns-server/dns-server-draft.js";
import type { HostDraft } from "./hosts/host-draft.js";

/** Merges the exports of one DNS server: zones by name (records in order, repeats dropped), forwarders by domain. */
export function mergeDnsServer(into: DnsServerDraft, from: DnsServerDraft): DnsServerDraft {
  if (from.address) into.address = from.address;
  for (const z of from.zones) {
    const have = into.zones.find((x) => x.name === z.name);
    if (!have) into.zones.push({ name: z.name, records: [...z.records] });
    else {
      const seen = new Set(have.records.map((r) => `${r.name}|${r.type}|${r.value}`));
      for (const r of z.records) if (!seen.has(`${r.name}|${r.type}|${r.value}`)) have.records.push(r);
    }
  }
  for (const f of from.conditionalForwarders) {
    const have = into.conditionalForwarders.find((x) => x.domain === f.domain);
    if (!have) into.conditionalForwarders.push({ ...f });
    else if (f.targets.length > 0) have.targets = f.targets;
  }
  if (from.forwarders && from.forwarders.length > 0) into.forwarders = from.forwarders;
  if (from.recursion === false) into.recursion = false;
  else if (from.recursion === true && into.recursion === undefined) into.recursion = true;
  into.file = into.file === from.file ? into.file : `${into.file}, ${from.file}`;
  return into;
}

/** Merges the exports of one host; a later export's value wins, agent settings merge key by key. */
export function mergeHost(into: HostDraft, from: HostDraft): HostDraft {
  const { agentConfig, environment, observed, file, ...rest } = from;
  Object.assign(into, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
  if (agentConfig) into.agentConfig = { ...into.agentConfig, ...agentConfig };
  if (environment) into.environment = { ...into.environment, ...environment };
  if (observed) into.observed = [...(into.observed ?? []), ...observed];
  into.file = into.file === file ? into.file : `${into.file}, ${file}`;
  return into;
}
