import { idKey, RESOURCE_TYPES, typeKey } from "../world/index.js";
import { azureEntries } from "./azure/azure-entries.js";
import type { RawResource } from "./azure/raw-resource.js";
import type { DnsServerDraft } from "./dns-server/dns-server-draft.js";
import { agentVersionOf } from "./hosts/azcmagent.js";
import type { HostDraft } from "./hosts/host-draft.js";
import { ImportLog } from "./import-log.js";
import type { ImportedEntry } from "./imported-entry.js";
import { mergeDnsServer, mergeHost } from "./merge-drafts.js";
import { LOCAL_SUBSCRIPTION_ID } from "./placement.js";
import { premisesEntries } from "./premises-entries.js";
import type { SiteFlags } from "./premises-sites.js";
import { readSource, type Source } from "./read-source.js";
import { emptySiteFile, type SiteFile } from "./site-file/site-file.js";

export interface BuildOptions {
  siteFile?: SiteFile;
  siteFileName?: string;
  flags?: SiteFlags & { resourceGroup?: string; subscriptionId?: string; location?: string };
}

/** Which source was read as what, and which server or host it belongs to. */
export interface SourceReport {
  file: string;
  format: string;
  owner?: string;
}

export interface BuiltWorld {
  entries: ImportedEntry[];
  sources: SourceReport[];
  log: ImportLog;
  /** What `azcmagent check` observed, by host name. */
  observed: Map<string, NonNullable<HostDraft["observed"]>>;
}

/** The server or host a file belongs to: the site file's `sources`, else its folder's name, else a name in it, else its stem. */
export function ownerOf(file: string, siteFile: SiteFile, contentName?: string): string {
  const parts = file.split(/[\\/]/);
  const base = parts[parts.length - 1];
  const mapped = siteFile.sources.get(file) ?? siteFile.sources.get(base);
  if (mapped) return mapped;
  const folder = parts.length > 1 ? parts[parts.length - 2] : "";
  if (folder && folder !== "." && folder !== "..") return folder;
  return contentName ?? base.replace(/\..*$/, "");
}

/**
 * Builds the world of an import from its sources (pure: the caller reads the files):
 * Azure exports become their resources, the exports of each DNS server and each host are
 * merged into one `Arclink.OnPremises` resource, and the site file places them.
 *
 * @example
 * const { entries, log } = buildWorld([{ file: "graph.json", text, readRelative: () => undefined }]);
 */
export function buildWorld(sources: Source[], options: BuildOptions = {}): BuiltWorld {
  const log = new ImportLog();
  const siteFile = options.siteFile ?? emptySiteFile();
  const flags = options.flags ?? {};
  const subscriptionId = flags.subscriptionId ?? siteFile.subscriptionId ?? LOCAL_SUBSCRIPTION_ID;
  const resourceGroup = flags.resourceGroup ?? siteFile.resourceGroup ?? "imported";
  const placement = { subscriptionId, resourceGroup, location: flags.location ?? siteFile.location ?? "westeurope" };
  const raws: RawResource[] = [];
  const servers = new Map<string, DnsServerDraft>();
  const hosts = new Map<string, HostDraft>();
  const names = new Map<string, string>();
  const report: SourceReport[] = [];
  /** Files a named.conf read (its zone files and includes), by the server that read them. */
  const consumed = new Map<string, string>();
  const ordered = [...sources].sort(
    (a, b) => Number(!/named\.conf$/i.test(a.file)) - Number(!/named\.conf$/i.test(b.file)),
  );
  for (const src of ordered) {
    if (consumed.has(src.file)) {
      report.push({ file: src.file, format: "read by named.conf", owner: consumed.get(src.file) });
      continue;
    }
    const read: string[] = [];
    const readRelative: Source["readRelative"] = (path, dir) => {
      const got = src.readRelative(path, dir);
      if (got) read.push(got.file);
      return got;
    };
    const c = readSource({ ...src, readRelative }, log, placement);
    if (c.kind === "azure") {
      raws.push(...c.resources);
      report.push({ file: src.file, format: c.format });
    } else if (c.kind === "dns-server" || c.kind === "host") {
      const contentName = c.kind === "host" ? (c.hostName ?? c.draft.machineName) : undefined;
      const owner = ownerOf(src.file, siteFile, contentName);
      const key = `${c.kind}:${owner.toLowerCase()}`;
      const name = names.get(key) ?? owner;
      names.set(key, name);
      if (c.kind === "dns-server")
        servers.set(name, servers.has(name) ? mergeDnsServer(servers.get(name)!, c.draft) : c.draft);
      else hosts.set(name, hosts.has(name) ? mergeHost(hosts.get(name)!, c.draft) : c.draft);
      report.push({ file: src.file, format: c.format, owner: name });
      for (const f of read) consumed.set(f, name);
    } else report.push({ file: src.file, format: c.format });
  }
  const azure = azureEntries(raws, log);
  const machineAgents = new Map<string, string>();
  for (const r of raws) {
    const v =
      typeKey(r.type) === typeKey(RESOURCE_TYPES.machine) && typeof r.properties.agentVersion === "string"
        ? agentVersionOf(r.properties.agentVersion)
        : undefined;
    if (v) machineAgents.set(idKey(r.id), v);
  }
  const premises = premisesEntries(
    {
      servers,
      hosts,
      siteFile,
      siteFileName: options.siteFileName ?? "(flags)",
      flags,
      azure,
      machineAgents,
      subscriptionId,
      resourceGroup,
    },
    log,
  );
  const entries = [...azure, ...premises];
  if (
    premises.length > 0 &&
    !entries.some((e) => idKey(e.id) === idKey(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`))
  ) {
    entries.unshift({
      id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
      body: { location: placement.location },
      file: options.siteFileName ?? "(flags)",
      line: 0,
    });
  }
  const observed = new Map<string, NonNullable<HostDraft["observed"]>>();
  for (const [name, h] of hosts) if (h.observed && h.observed.length > 0) observed.set(name, h.observed);
  // named.conf files are read first (their zone files are theirs); report in the order given.
  const order = new Map(sources.map((s, i) => [s.file, i]));
  report.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return { entries, sources: report, log, observed };
}
