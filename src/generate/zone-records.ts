import type { ArcZone } from "../world/catalog/arc-private-link.js";
import { confQuote, psQuote } from "./quote.js";
import type { ZoneFormat } from "./zone-forwarders.js";

/** The A records of one `privatelink.` zone, from a private endpoint. */
export interface ZoneRecords {
  zone: ArcZone;
  records: { name: string; ip: string; fqdn: string }[];
}

export interface ZoneFileOutput {
  /** A suggested file name, e.g. `db.privatelink.his.arc.azure.com`. */
  name: string;
  content: string[];
}

export const RECORD_TTL = 300;

function bindZoneFile(z: ZoneRecords, serial: number): ZoneFileOutput {
  const width = Math.max(...z.records.map((r) => r.name.length), 1) + 2;
  return {
    name: `db.${z.zone.privateZone}`,
    content: [
      `; Zone ${z.zone.privateZone}: A records of the Azure Arc private endpoint.`,
      `$ORIGIN ${z.zone.privateZone}.`,
      `$TTL ${RECORD_TTL}`,
      `@${" ".repeat(width - 1)}IN SOA localhost. hostmaster.localhost. ( ${serial} 3600 600 86400 ${RECORD_TTL} )`,
      `@${" ".repeat(width - 1)}IN NS  localhost.`,
      ...z.records.map((r) => `${r.name.padEnd(width)}IN A   ${r.ip}`),
    ],
  };
}

/**
 * Static records for an on-premises DNS server, in each server's syntax. BIND and
 * Windows DNS host the `privatelink.` zones: the server recursing for a public Arc name
 * gets the public CNAME into `privatelink.` and answers the target from its own zone
 * [DOC-PEDNS]. dnsmasq and unbound do not look a CNAME target from upstream up in their
 * local data, so they also answer the public names directly with the same address.
 */
export function recordsText(format: ZoneFormat, zones: readonly ZoneRecords[], serial = 1): ZoneFileOutput[] {
  switch (format) {
    case "bind": {
      const files = zones.map((z) => bindZoneFile(z, serial));
      const conf: ZoneFileOutput = {
        name: "named.conf.arclink",
        content: [
          "// named.conf: the privatelink. zones of Azure Arc, answered locally. The server must still",
          "// recurse (or forward) the public names: their public CNAMEs lead into these zones [DOC-PEDNS].",
          ...zones.map(
            (z, i) => `zone ${confQuote(z.zone.privateZone)} { type master; file ${confQuote(files[i].name)}; };`,
          ),
        ],
      };
      return [conf, ...files];
    }
    case "windows-dns":
      return [
        {
          name: "arc-private-link-zones.ps1",
          content: [
            "# Windows DNS Server (PowerShell, as Administrator): the privatelink. zones of Azure Arc.",
            "# The server must still resolve the public names: their public CNAMEs lead into these zones [DOC-PEDNS].",
            "# On an AD-integrated server use -ReplicationScope 'Forest' instead of -ZoneFile.",
            ...zones.flatMap((z) => [
              `Add-DnsServerPrimaryZone -Name ${psQuote(z.zone.privateZone)} -ZoneFile ${psQuote(`${z.zone.privateZone}.dns`)}`,
              ...z.records.map(
                (r) =>
                  `Add-DnsServerResourceRecordA -ZoneName ${psQuote(z.zone.privateZone)} -Name ${psQuote(r.name)} -IPv4Address ${psQuote(r.ip)} -TimeToLive ${psQuote(`00:05:00`)}`,
              ),
            ]),
          ],
        },
      ];
    case "dnsmasq":
      return [
        {
          name: "arc-private-link.conf",
          content: [
            "# dnsmasq.conf (or a file in /etc/dnsmasq.d/): Azure Arc names answered with the private endpoint.",
            "# dnsmasq does not look up a CNAME target from upstream locally, so the public names are listed too.",
            ...zones.flatMap((z) =>
              z.records.flatMap((r) => [
                `address=/${r.fqdn}/${r.ip}`,
                `address=/${r.name}.${z.zone.privateZone}/${r.ip}`,
              ]),
            ),
          ],
        },
      ];
    case "unbound":
      return [
        {
          name: "arc-private-link.conf",
          content: [
            "# unbound.conf: Azure Arc names answered with the private endpoint.",
            "# A static local zone answers NXDOMAIN for names it lacks, as an Azure private zone does; unbound does",
            "# not look up a CNAME target from upstream locally, so the public names are listed too.",
            "server:",
            ...zones.flatMap((z) => [
              `    local-zone: ${confQuote(`${z.zone.privateZone}.`)} static`,
              ...z.records.flatMap((r) => [
                `    local-data: "${r.name}.${z.zone.privateZone}. ${RECORD_TTL} IN A ${r.ip}"`,
                `    local-data: "${r.fqdn}. ${RECORD_TTL} IN A ${r.ip}"`,
              ]),
            ]),
          ],
        },
      ];
  }
}
