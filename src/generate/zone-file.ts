import { dnsListenerAt } from "../semantics/dns/dns-listener.js";
import { peersOf } from "../semantics/model/network.js";
import { DNS_SERVER_TYPE } from "../semantics/model/premises.js";
import { allInboundEndpoints } from "../semantics/model/private-dns.js";
import { answersOnlyInsideAzure, isIPv4 } from "../semantics/net/cidr.js";
import type { Source } from "../semantics/net/reach-types.js";
import { sitesReachingVnet } from "../semantics/net/topology.js";
import { idKey } from "../world/arm-id.js";
import { ARC_ZONES } from "../world/catalog/arc-private-link.js";
import type { World } from "../world/world.js";
import { type ArcEndpoint, readArcEndpoint, requireEntries } from "./arc-endpoint.js";
import { GENERATE_ERRORS, GenerateError, oneOf } from "./errors.js";
import { type Generated, joinLines } from "./generated.js";
import { findResource } from "./lookup.js";
import { type Forwarder, forwardersText, ZONE_FORMATS, type ZoneFormat } from "./zone-forwarders.js";
import { recordsText, type ZoneFileOutput, type ZoneRecords } from "./zone-records.js";

export const ZONE_MODES = ["forwarders", "records"] as const;
export type ZoneMode = (typeof ZONE_MODES)[number];

export interface ZoneFileOptions {
  privateEndpoint: string;
  format: string;
  /** `forwarders` (default, the documented setup) or `records`. */
  mode?: string;
  /** Forwarding targets; default the inbound endpoints of DNS Private Resolvers in (or peered with) the endpoint's vnet. */
  forwardTo?: readonly string[];
  /** SOA serial of BIND zone files. */
  serial?: number;
  /**
   * The on-premises DNS server (id or name) the file is for: targets must answer DNS from
   * it. Default: the DNS servers of the sites connected to the endpoint's vnet.
   */
  dnsServer?: string;
  /** The instant the semantics judge reachability at (default: now). */
  now?: Date;
}

export interface ZoneFileData {
  format: ZoneFormat;
  mode: ZoneMode;
  privateEndpointId: string;
  forwarders?: Forwarder[];
  zones?: { zone: string; records: { name: string; ip: string; fqdn: string }[] }[];
  files: { name: string; content: string }[];
}

/** Where the on-premises server's queries start: the one named, else the servers of sites reaching the vnet. */
function premisesSources(world: World, endpoint: ArcEndpoint, dnsServer: string | undefined): Source[] {
  if (dnsServer) return [{ kind: "premises", id: findResource(world, dnsServer, DNS_SERVER_TYPE, "DNS server").id }];
  const sites = endpoint.virtualNetworkId ? sitesReachingVnet(world, endpoint.virtualNetworkId) : [];
  return sites.flatMap((s) => world.under(s.id, DNS_SERVER_TYPE).map((r): Source => ({ kind: "premises", id: r.id })));
}

/**
 * Whether a target answers DNS from on premises, as the semantics say (`dnsListenerAt`
 * from each server; with no server known, only Azure's platform address is known not to).
 */
function silentFrom(world: World, sources: readonly Source[], now: Date, target: string): string | undefined {
  if (sources.length === 0) return answersOnlyInsideAzure(target) ? `${target} answers only inside Azure` : undefined;
  for (const s of sources) {
    const heard = dnsListenerAt(world, s, target, now);
    if (heard.answers) return undefined;
    if (s === sources[sources.length - 1]) return heard.detail;
  }
  return undefined;
}

function checkTargets(targets: readonly string[], silent: (t: string) => string | undefined, warnings: string[]) {
  return targets.map((raw) => {
    const t = raw.trim();
    if (!isIPv4(t)) {
      throw new GenerateError(
        GENERATE_ERRORS.InvalidOption,
        `Invalid forwarding target '${raw}': expected an IPv4 address.`,
      );
    }
    const why = silent(t);
    if (why && answersOnlyInsideAzure(t)) {
      throw new GenerateError(
        GENERATE_ERRORS.ForbiddenTarget,
        `Forwarding target ${t} is Azure DNS, which answers only inside a virtual network; forward on-premises queries to a DNS Private Resolver inbound endpoint or a DNS server in Azure [DOC-PEDNS].`,
      );
    }
    if (why) warnings.push(`Forwarding target ${t} does not answer the on-premises DNS server: ${why}.`);
    return t;
  });
}

/** Inbound endpoint addresses in the endpoint's vnet, else in vnets peered with it. */
function resolverTargets(world: World, endpoint: ArcEndpoint): string[] {
  const vnet = endpoint.virtualNetworkId;
  if (!vnet) return [];
  const inbound = allInboundEndpoints(world);
  const inVnets = (ids: Set<string>) =>
    inbound.filter((e) => ids.has(idKey(e.virtualNetworkId))).flatMap((e) => e.addresses.map((a) => a.address));
  const own = inVnets(new Set([idKey(vnet)]));
  return own.length ? own : inVnets(new Set(peersOf(world, vnet)));
}

function withFiles(files: ZoneFileOutput[]) {
  return files.map((f) => ({ name: f.name, content: joinLines(f.content) }));
}

/**
 * Configuration for an on-premises DNS server so that the Arc names resolve to a
 * private endpoint: conditional forwarders of the public Arc zones (the documented
 * setup), or static records of the endpoint's addresses [DOC-PL, DOC-PEDNS, facts §6, §8].
 *
 * @example
 * generateZoneFile(world, { privateEndpoint: "arc-pe", format: "bind" }).text
 * // zone "his.arc.azure.com" { type forward; forward only; forwarders { 10.10.2.4; }; }; ...
 */
export function generateZoneFile(world: World, options: ZoneFileOptions): Generated<ZoneFileData> {
  const format = oneOf("--format", options.format, ZONE_FORMATS);
  const mode = oneOf("--mode", options.mode ?? "forwarders", ZONE_MODES);
  const endpoint = readArcEndpoint(world, options.privateEndpoint);
  const warnings = [...endpoint.warnings];
  const base = { format, mode, privateEndpointId: endpoint.id };

  if (mode === "forwarders") {
    const given = options.forwardTo?.filter((t) => t.trim() !== "") ?? [];
    const sources = premisesSources(world, endpoint, options.dnsServer);
    const silent = (t: string) => silentFrom(world, sources, options.now ?? new Date(), t);
    // Default targets: the resolver inbound endpoints the on-premises servers reach (all, if none does).
    const candidates = resolverTargets(world, endpoint);
    const answering = candidates.filter((t) => !silent(t));
    const targets = checkTargets(given.length ? given : answering.length ? answering : candidates, silent, warnings);
    if (targets.length === 0) {
      throw new GenerateError(
        GENERATE_ERRORS.NothingToGenerate,
        `No DNS Private Resolver inbound endpoint is in (or peered with) the virtual network of private endpoint '${endpoint.name}'; pass --forward-to with the address of a DNS server in Azure.`,
      );
    }
    const forwarders = ARC_ZONES.map((z) => ({ domain: z.publicZone, targets }));
    const text = joinLines(forwardersText(format, forwarders));
    return {
      kind: "zone-file",
      text,
      data: { ...base, forwarders, files: [{ name: "forwarders", content: text }] },
      warnings,
    };
  }

  if (options.forwardTo?.length)
    throw new GenerateError(GENERATE_ERRORS.InvalidOption, "Option --forward-to applies only to --mode forwarders.");
  const entries = requireEntries(endpoint);
  const zones: ZoneRecords[] = ARC_ZONES.map((zone) => ({
    zone,
    records: entries
      .filter((e) => e.zone === zone)
      .map((e) => {
        if (e.ipAddresses.length > 1) warnings.push(`'${e.fqdn}' has several addresses; the records use the first.`);
        return { name: e.recordName, ip: e.ipAddresses[0], fqdn: e.fqdn };
      }),
  })).filter((z) => z.records.length > 0);
  const files = withFiles(recordsText(format, zones, options.serial ?? 1));
  const text =
    files.length === 1
      ? files[0].content
      : files.map((f) => `${commentFor(format)} ---- ${f.name} ----\n${f.content}`).join("\n");
  return {
    kind: "zone-file",
    text,
    data: { ...base, zones: zones.map((z) => ({ zone: z.zone.privateZone, records: z.records })), files },
    warnings,
  };
}

function commentFor(format: ZoneFormat): string {
  return format === "bind" ? ";" : "#";
}
