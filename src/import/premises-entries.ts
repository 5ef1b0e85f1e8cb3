import { inPrefix } from "../semantics/net/cidr.js";
import { idKey, parseId, RESOURCE_TYPES, typeKey } from "../world/index.js";
import type { DnsServerDraft } from "./dns-server/dns-server-draft.js";
import type { HostDraft } from "./hosts/host-draft.js";
import type { ImportLog } from "./import-log.js";
import type { ImportedEntry } from "./imported-entry.js";
import { coveringPrefixes, freeAddress, type SiteFlags, siteBody, siteSpecs, vnetsByName } from "./premises-sites.js";
import type { MemberSpec, SiteFile, SiteSpec } from "./site-file/site-file.js";

export interface PremisesInput {
  servers: Map<string, DnsServerDraft>;
  hosts: Map<string, HostDraft>;
  siteFile: SiteFile;
  siteFileName: string;
  flags: SiteFlags;
  azure: ImportedEntry[];
  /** Machine id key → agent version the machine resource reports (`properties.agentVersion`). */
  machineAgents: Map<string, string>;
  /** Imported machines by id key and by lower-case name. */
  machines?: { byId: Map<string, ImportedEntry>; byName: Map<string, ImportedEntry[]> };
  subscriptionId: string;
  resourceGroup: string;
}

const VALID_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

function resourceName(name: string, log: ImportLog, what: string): string {
  if (VALID_NAME.test(name)) return name;
  const safe =
    name
      .replace(/[^A-Za-z0-9._-]/g, "-")
      .replace(/^[^A-Za-z0-9]+/, "")
      .slice(0, 80) || "unnamed";
  log.assume(
    `${what} '${name}'`,
    `named '${safe}' (ARM names are letters, digits, '.', '_' and '-')`,
    "rename its folder or use 'sources' in the site file",
  );
  return safe;
}

interface Member {
  kind: "dnsServers" | "hosts";
  name: string;
  address?: string;
  spec?: MemberSpec;
  site?: SiteSpec;
}

/**
 * The `Arclink.OnPremises` resources of an import: sites from the site file and flags,
 * each DNS server and host placed in the site its site-file entry names or whose address
 * space holds its address; everything the exports did not say is an assumption.
 *
 * @example
 * premisesEntries({ servers, hosts, siteFile, siteFileName: "site.yaml", flags: {}, azure, machineAgents, subscriptionId, resourceGroup: "onprem" }, log)
 */
export function premisesEntries(input: PremisesInput, log: ImportLog): ImportedEntry[] {
  const { siteFile } = input;
  if (input.servers.size === 0 && input.hosts.size === 0 && siteFile.sites.length === 0) return [];
  const sites = siteSpecs(siteFile.sites, input.flags);
  const members: Member[] = [];
  for (const [owner, d] of input.servers) {
    const spec = siteFile.dnsServers.get(owner.toLowerCase());
    members.push({ kind: "dnsServers", name: owner, address: spec?.address ?? d.address, spec });
  }
  for (const [owner, h] of input.hosts) {
    const spec = siteFile.hosts.get(owner.toLowerCase());
    members.push({ kind: "hosts", name: owner, address: spec?.address ?? h.address, spec });
  }
  for (const m of members) {
    const named = m.spec?.site ? sites.find((s) => s.name.toLowerCase() === m.spec?.site?.toLowerCase()) : undefined;
    if (m.spec?.site && !named)
      log.problem(
        input.siteFileName,
        m.spec.line,
        `a site of the site file for ${m.kind}.${m.name}.site`,
        `'${m.spec.site}'`,
      );
    m.site =
      named ??
      (m.address ? sites.find((s) => (s.addressPrefixes ?? []).some((p) => inPrefix(m.address!, p))) : undefined);
    if (!m.site) {
      m.site = sites[0];
      if (sites.length > 1 || (sites[0].addressPrefixes ?? []).length > 0) {
        log.assume(
          `${m.kind === "hosts" ? "host" : "DNS server"} '${m.name}': site`,
          `'${m.site.name}' (no site's address space holds ${m.address ?? "its address"})`,
          `${m.kind}.${m.name}.site in the site file`,
        );
      }
    }
  }
  const rgId = `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}`;
  const out: ImportedEntry[] = [];
  const file = input.siteFileName;
  const vnets = vnetsByName(input.azure);
  for (const site of sites) {
    const mine = members.filter((m) => m.site === site);
    const used = new Set(mine.map((m) => m.address).filter((a): a is string => !!a));
    for (const m of mine) {
      if (m.address || m.kind === "dnsServers") continue;
      m.address = freeAddress(site.addressPrefixes ?? [], used);
      log.assume(
        `host '${m.name}': address`,
        `${m.address} (no export gives it; a free address of site '${site.name}')`,
        `hosts.${m.name}.address in the site file, or its ipconfig /all`,
      );
    }
    let prefixes = site.addressPrefixes ?? [];
    if (prefixes.length === 0) {
      prefixes = coveringPrefixes(mine.map((m) => m.address).filter((a): a is string => !!a));
      log.assume(
        `site '${site.name}': address space`,
        prefixes.join(", ") || "none",
        "sites[].addressPrefixes in the site file, or --site-prefix",
      );
    }
    const siteName = resourceName(site.name, log, "site");
    const siteId = `${rgId}/providers/Arclink.OnPremises/sites/${siteName}`;
    out.push({ id: siteId, body: siteBody(site, prefixes, vnets, file, log), file, line: site.line });
    for (const p of site.proxies ?? []) {
      const { name, ...properties } = p;
      out.push({
        id: `${siteId}/proxies/${resourceName(String(name ?? "proxy"), log, "proxy")}`,
        body: { properties },
        file,
        line: site.line,
      });
    }
    for (const m of mine) {
      const name = resourceName(m.name, log, m.kind === "hosts" ? "host" : "DNS server");
      if (m.kind === "dnsServers") {
        const d = input.servers.get(m.name)!;
        const e = dnsServerEntry(`${siteId}/dnsServers/${name}`, d, m.address, log);
        if (e) out.push(e);
      } else out.push(hostEntry(`${siteId}/hosts/${name}`, m, input.hosts.get(m.name)!, input, log));
    }
  }
  return out;
}

function dnsServerEntry(
  id: string,
  d: DnsServerDraft,
  address: string | undefined,
  log: ImportLog,
): ImportedEntry | undefined {
  const file = d.file.split(", ")[0];
  const name = id.split("/").pop();
  if (!address) {
    log.aside(
      file,
      1,
      `DNS server '${name}'`,
      `no address: give dnsServers.${name}.address in the site file (or listen-on / interface: / listen-address= in its configuration)`,
    );
    return undefined;
  }
  const conditionalForwarders = d.conditionalForwarders.filter((f) => {
    if (f.targets.length > 0) return true;
    log.aside(
      file,
      1,
      `conditional forwarder '${f.domain}' of '${name}'`,
      "its targets are in no export of the server (add Get-DnsServerZone output)",
    );
    return false;
  });
  if (d.recursion === undefined)
    log.assume(`DNS server '${name}': recursion`, "on (no export says)", "export Get-DnsServerRecursion");
  return {
    id,
    body: {
      properties: {
        address,
        zones: d.zones,
        conditionalForwarders,
        ...(d.forwarders && d.forwarders.length > 0 ? { forwarders: d.forwarders } : {}),
        recursion: d.recursion ?? true,
      },
    },
    file,
    line: 1,
  };
}

/** The imported machines, indexed once per import. */
function machinesOf(input: PremisesInput): NonNullable<PremisesInput["machines"]> {
  if (!input.machines) {
    const byId = new Map<string, ImportedEntry>();
    const byName = new Map<string, ImportedEntry[]>();
    for (const e of input.azure) {
      const id = parseId(e.id);
      if (!id || typeKey(id.type) !== typeKey(RESOURCE_TYPES.machine)) continue;
      byId.set(idKey(e.id), e);
      byName.set(id.name.toLowerCase(), [...(byName.get(id.name.toLowerCase()) ?? []), e]);
    }
    input.machines = { byId, byName };
  }
  return input.machines;
}

function machineOf(m: Member, h: HostDraft, input: PremisesInput, log: ImportLog): string | undefined {
  if (h.machineId) return h.machineId;
  const wanted = m.spec?.machine ?? m.name;
  if (wanted.startsWith("/")) return wanted;
  const found = machinesOf(input).byName.get(wanted.toLowerCase()) ?? [];
  if (found.length === 1 && !m.spec?.machine)
    log.assume(
      `host '${m.name}': machine`,
      `'${found[0].id}' (same name; no azcmagent show)`,
      `hosts.${m.name}.machine in the site file, or azcmagent show -j`,
    );
  return found.length === 1 ? found[0].id : undefined;
}

function hostEntry(id: string, m: Member, h: HostDraft, input: PremisesInput, log: ImportLog): ImportedEntry {
  const machineId = machineOf(m, h, input, log);
  let version = h.agentVersion;
  if (!version && machineId) {
    version = input.machineAgents.get(idKey(machineId));
    if (version)
      log.assume(
        `host '${m.name}': agent`,
        `${version} installed (its machine resource reports it; no azcmagent show)`,
        "azcmagent show -j",
      );
  }
  let os = m.spec?.os ?? h.os;
  const machine = machineId ? machinesOf(input).byId.get(idKey(machineId)) : undefined;
  const machineOs = (machine?.body.properties as { osType?: string } | undefined)?.osType;
  if (!os && (machineOs === "windows" || machineOs === "linux")) os = machineOs;
  if (!os && version) log.assume(`host '${m.name}': OS`, "linux", `hosts.${m.name}.os in the site file`);
  const dnsServers = m.spec?.dnsServers ?? h.dnsServers;
  if (!dnsServers)
    log.assume(
      `host '${m.name}': DNS servers`,
      "none (it resolves through its hosts file only)",
      "its resolv.conf or ipconfig /all, or hosts.NAME.dnsServers",
    );
  const agent = version
    ? {
        version,
        ...(h.agentConfig && Object.keys(h.agentConfig).length > 0 ? { config: h.agentConfig } : {}),
        ...(h.environment && Object.keys(h.environment).length > 0 ? { environment: h.environment } : {}),
      }
    : undefined;
  return {
    id,
    body: {
      properties: {
        address: m.address,
        os: os ?? "linux",
        dnsServers: dnsServers ?? [],
        ...(h.hostsFile !== undefined ? { hostsFile: h.hostsFile } : {}),
        ...(agent ? { agent } : {}),
        ...(machineId ? { machineId } : {}),
      },
    },
    file: h.file.split(", ")[0],
    line: 1,
  };
}
