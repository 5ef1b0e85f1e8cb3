import { confQuote, psQuote } from "./quote.js";

/** One conditional forwarder: a public Arc zone and where its queries go. */
export interface Forwarder {
  domain: string;
  targets: string[];
}

export const ZONE_FORMATS = ["bind", "windows-dns", "dnsmasq", "unbound"] as const;
export type ZoneFormat = (typeof ZONE_FORMATS)[number];

const WHY =
  "Forward the public Arc zones, never the privatelink. zones, and never to 168.63.129.16 [DOC-PEDNS, facts §6].";

/**
 * Conditional forwarders for an on-premises DNS server, in each server's own syntax.
 * The domains are the public zones; the targets are addresses in Azure that resolve
 * with the private zones (a DNS Private Resolver inbound endpoint) [DOC-PL].
 *
 * @example
 * forwardersText("dnsmasq", [{ domain: "his.arc.azure.com", targets: ["10.10.2.4"] }])
 * // → ["# dnsmasq.conf ...", "server=/his.arc.azure.com/10.10.2.4"]
 */
export function forwardersText(format: ZoneFormat, forwarders: readonly Forwarder[]): string[] {
  switch (format) {
    case "bind":
      return [
        "// named.conf: conditional forwarders for Azure Arc private link (include in the options' scope).",
        `// ${WHY}`,
        ...forwarders.flatMap((f) => [
          `zone ${confQuote(f.domain)} {`,
          "    type forward;",
          "    forward only;",
          `    forwarders { ${f.targets.map((t) => `${t};`).join(" ")} };`,
          "};",
        ]),
      ];
    case "windows-dns":
      return [
        "# Windows DNS Server (PowerShell, as Administrator): conditional forwarders for Azure Arc private link.",
        `# ${WHY}`,
        ...forwarders.map(
          (f) =>
            `Add-DnsServerConditionalForwarderZone -Name ${psQuote(f.domain)} -MasterServers ${f.targets.map(psQuote).join(", ")}`,
        ),
      ];
    case "dnsmasq":
      return [
        "# dnsmasq.conf (or a file in /etc/dnsmasq.d/): conditional forwarders for Azure Arc private link.",
        `# ${WHY}`,
        ...forwarders.flatMap((f) => f.targets.map((t) => `server=/${f.domain}/${t}`)),
      ];
    case "unbound":
      return [
        "# unbound.conf: conditional forwarders for Azure Arc private link.",
        `# ${WHY}`,
        ...forwarders.flatMap((f) => [
          "forward-zone:",
          `    name: ${confQuote(`${f.domain}.`)}`,
          ...f.targets.map((t) => `    forward-addr: ${t}`),
        ]),
      ];
  }
}
