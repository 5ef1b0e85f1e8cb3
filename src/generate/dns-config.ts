import type { World } from "../world/world.js";
import { readArcEndpoint } from "./arc-endpoint.js";
import type { Generated } from "./generated.js";
import { joinLines } from "./generated.js";

export interface DnsConfigRow {
  fqdn: string;
  ipAddresses: string[];
  /** The private DNS zone the name's A record belongs in. */
  privateDnsZone: string;
  /** The record's name inside that zone. */
  recordName: string;
  source: "customDnsConfigs" | "privateDnsZoneGroup";
}

export interface DnsConfigData {
  privateEndpointId: string;
  scopeId: string;
  rows: DnsConfigRow[];
  /** Published names outside the Arc zones. */
  otherFqdns: string[];
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/**
 * The FQDN ↔ IP table of the portal's "DNS configuration" page of a private endpoint,
 * with the private DNS zone and record name each name belongs in [facts §4.2, §8].
 * Read from `customDnsConfigs` and from DNS zone group record sets.
 *
 * @example
 * generateDnsConfig(world, { privateEndpoint: "arc-pe" }).data.rows[0]
 * // → { fqdn: "gbl.his.arc.azure.com", ipAddresses: ["10.10.1.4"],
 * //     privateDnsZone: "privatelink.his.arc.azure.com", recordName: "gbl", source: "customDnsConfigs" }
 */
export function generateDnsConfig(world: World, options: { privateEndpoint: string }): Generated<DnsConfigData> {
  const endpoint = readArcEndpoint(world, options.privateEndpoint);
  const rows: DnsConfigRow[] = endpoint.entries.map((e) => ({
    fqdn: e.fqdn,
    ipAddresses: e.ipAddresses,
    privateDnsZone: e.zone.privateZone,
    recordName: e.recordName,
    source: e.source,
  }));
  const warnings = [...endpoint.warnings];
  if (rows.length === 0) warnings.push(`Private endpoint '${endpoint.name}' publishes no Arc name.`);
  if (endpoint.otherFqdns.length) {
    warnings.push(`Names outside the Arc zones are left out: ${endpoint.otherFqdns.join(", ")}.`);
  }
  const lines = [
    `DNS configuration of private endpoint '${endpoint.name}' (scope '${endpoint.scopeId.split("/").pop()}')`,
    "",
    ...table(
      ["FQDN", "IP addresses", "Private DNS zone", "Record"],
      rows.map((r) => [r.fqdn, r.ipAddresses.join(", "), r.privateDnsZone, r.recordName]),
    ),
  ];
  return {
    kind: "dns-config",
    text: joinLines(lines),
    data: { privateEndpointId: endpoint.id, scopeId: endpoint.scopeId, rows, otherFqdns: endpoint.otherFqdns },
    warnings,
  };
}
