// Writes an applied world out the way its owners would export it: the Azure side as a
// Resource Graph answer (`az graph query -q "Resources | …"` shape [RG-QUERY]: {count, data,
// skip_token, total_records}, rows with the GET body plus resourceGroup and subscriptionId),
// each on-premises DNS server as Windows DNS Server exports (ConvertTo-Json) or a BIND
// named.conf with zone files, each host as resolv.conf / ipconfig /all, hosts file and
// azcmagent outputs, and a site file for what no export says (docs/import.md).
import { stringify } from "yaml";
import { render } from "../../src/arm/engine.js";
import type { Registry } from "../../src/arm/providers/index.js";
import { parseId, type Resource, type World } from "../../src/world/index.js";

export type DnsStyle = "windows" | "bind";

type Json = Record<string, unknown>;
const props = (r: Resource) => r.properties as Json;
const last = (id: string) => id.split("/").pop() ?? id;

function resourceGraph(world: World, registry: Registry): string {
  const data = world
    .all()
    .filter((r) => !r.type.toLowerCase().startsWith("arclink.onpremises/"))
    .map((r) => {
      const reg = registry.type(r.type);
      const body = reg ? render(reg.handler, world, r, reg.apiVersions[0]) : (r as unknown as Json);
      const id = parseId(r.id);
      return {
        ...body,
        id: r.id,
        type: r.type,
        resourceGroup: id?.resourceGroup,
        subscriptionId: id?.subscriptionId,
        tenantId: "00000000-0000-0000-0000-0000000000aa",
      };
    });
  return JSON.stringify({ count: data.length, data, skip_token: null, total_records: data.length }, null, 2);
}

function windowsServer(r: Resource, files: Map<string, string>, dir: string): void {
  const p = props(r);
  const zones =
    (p.zones as { name: string; records: { name: string; type: string; value: string; ttl?: number }[] }[]) ?? [];
  const forwarders = (p.conditionalForwarders as { domain: string; targets: string[] }[]) ?? [];
  files.set(
    `${dir}/zones.json`,
    JSON.stringify(
      [
        ...zones.map((z) => ({
          ZoneName: z.name,
          ZoneType: "Primary",
          IsAutoCreated: false,
          IsReverseLookupZone: false,
          IsDsIntegrated: true,
        })),
        ...forwarders.map((f) => ({
          ZoneName: f.domain,
          ZoneType: "Forwarder",
          IsAutoCreated: false,
          IsReverseLookupZone: false,
          MasterServers: f.targets.map((t) => ({ IPAddressToString: t, AddressFamily: 2 })),
        })),
      ],
      null,
      4,
    ),
  );
  for (const z of zones) {
    files.set(
      `${dir}/${z.name}.json`,
      JSON.stringify(
        z.records.map((rec) => ({
          DistinguishedName: `DC=${rec.name},DC=${z.name},cn=MicrosoftDNS,DC=DomainDnsZones,DC=corp`,
          HostName: rec.name,
          RecordType: rec.type,
          RecordClass: "IN",
          TimeToLive: { TotalSeconds: rec.ttl ?? 3600 },
          RecordData:
            rec.type === "A"
              ? { IPv4Address: { IPAddressToString: rec.value } }
              : rec.type === "CNAME"
                ? { HostNameAlias: `${rec.value}.` }
                : rec.type === "AAAA"
                  ? { IPv6Address: rec.value }
                  : { DescriptiveText: rec.value },
        })),
        null,
        4,
      ),
    );
  }
  files.set(
    `${dir}/forwarders.json`,
    JSON.stringify(
      {
        IPAddress: (p.forwarders as string[] | undefined) ?? [],
        Timeout: 3,
        UseRootHint: p.recursion !== false,
        EnableReordering: true,
      },
      null,
      4,
    ),
  );
  files.set(
    `${dir}/recursion.json`,
    JSON.stringify({ Enable: true, AdditionalTimeout: 4, RetryInterval: 3, SecureResponse: true, Timeout: 8 }, null, 4),
  );
}

function bindServer(r: Resource, files: Map<string, string>, dir: string): void {
  const p = props(r);
  const zones =
    (p.zones as { name: string; records: { name: string; type: string; value: string; ttl?: number }[] }[]) ?? [];
  const forwarders = (p.conditionalForwarders as { domain: string; targets: string[] }[]) ?? [];
  const global = (p.forwarders as string[] | undefined) ?? [];
  const conf = [
    "options {",
    '    directory "/var/cache/bind";',
    `    listen-on { ${p.address}; };`,
    `    recursion ${p.recursion === false ? "no" : "yes"};`,
    ...(global.length > 0 ? [`    forwarders { ${global.map((g) => `${g};`).join(" ")} };`] : []),
    "};",
    ...forwarders.map(
      (f) =>
        `zone "${f.domain}" {\n    type forward;\n    forward only;\n    forwarders { ${f.targets.map((t) => `${t};`).join(" ")} };\n};`,
    ),
    ...zones.map((z) => `zone "${z.name}" IN {\n    type primary;\n    file "db.${z.name}";\n};`),
  ];
  files.set(`${dir}/named.conf`, `${conf.join("\n")}\n`);
  for (const z of zones) {
    const lines = [
      `$ORIGIN ${z.name}.`,
      "$TTL 3600",
      `@ IN SOA ns1.${z.name}. hostmaster.${z.name}. ( 1 3600 600 86400 3600 )`,
      `@ IN NS ns1.${z.name}.`,
    ];
    for (const rec of z.records) {
      const value = rec.type === "CNAME" ? `${rec.value}.` : rec.type === "TXT" ? `"${rec.value}"` : rec.value;
      lines.push(`${rec.name} ${rec.ttl ?? ""} IN ${rec.type} ${value}`.replace(/ {2}/g, " "));
    }
    files.set(`${dir}/db.${z.name}`, `${lines.join("\n")}\n`);
  }
}

function hostFiles(r: Resource, files: Map<string, string>, dir: string): void {
  const p = props(r);
  const dns = (p.dnsServers as string[] | undefined) ?? [];
  if (p.os === "windows") {
    files.set(
      `${dir}/ipconfig.txt`,
      [
        "",
        "Windows IP Configuration",
        "",
        `   Host Name . . . . . . . . . . . . : ${last(r.id).toUpperCase()}`,
        "",
        "Ethernet adapter Ethernet0:",
        "",
        `   IPv4 Address. . . . . . . . . . . : ${p.address}(Preferred)`,
        "   Default Gateway . . . . . . . . . : 192.0.2.1",
        ...dns.map((d, i) =>
          i === 0 ? `   DNS Servers . . . . . . . . . . . : ${d}` : `                                       ${d}`,
        ),
        "",
      ].join("\r\n"),
    );
  } else files.set(`${dir}/resolv.conf`, dns.map((d) => `nameserver ${d}\n`).join(""));
  if (typeof p.hostsFile === "string") files.set(`${dir}/hosts`, p.hostsFile);
  const agent = p.agent as { version: string; config?: Json } | undefined;
  if (agent) {
    const machine = typeof p.machineId === "string" ? parseId(p.machineId) : undefined;
    files.set(
      `${dir}/azcmagent-show.json`,
      JSON.stringify(
        {
          resourceName: machine?.name ?? last(r.id),
          ...(machine
            ? { resourceId: machine.id, resourceGroup: machine.resourceGroup, subscriptionId: machine.subscriptionId }
            : {}),
          agentVersion: `${agent.version}.02845.1898`,
          agentStatus: machine ? "Connected" : "Disconnected",
        },
        null,
        2,
      ),
    );
    const config = agent.config ?? {};
    const bypass = (config["proxy.bypass"] as string[] | undefined) ?? [];
    files.set(
      `${dir}/azcmagent-config.txt`,
      [
        "Local Configuration Settings",
        `  connection.type (preview)   : ${config["connection.type"] ?? "default"}`,
        `  proxy.url                   : ${config["proxy.url"] ?? ""}`,
        `  proxy.bypass                : [${bypass.join(" ")}]`,
        "",
      ].join("\n"),
    );
  }
}

/** The files of an estate (relative path → text) that re-create `world` through `arclink import`. */
export function estateExport(
  world: World,
  registry: Registry,
  style: DnsStyle | ((name: string) => DnsStyle),
): Map<string, string> {
  const files = new Map<string, string>();
  files.set("azure/resource-graph.json", resourceGraph(world, registry));
  const sites = world.all().filter((r) => r.type.toLowerCase() === "arclink.onpremises/sites");
  const siteFile: Json = { sites: [], dnsServers: {}, hosts: {} };
  for (const site of sites) {
    const id = parseId(site.id)!;
    siteFile.subscriptionId = id.subscriptionId;
    siteFile.resourceGroup = id.resourceGroup;
    const p = props(site);
    const proxies = world
      .under(site.id, "Arclink.OnPremises/sites/proxies")
      .map((x) => ({ name: last(x.id), ...props(x) }));
    (siteFile.sites as Json[]).push({
      name: last(site.id),
      addressPrefixes: (p.addressSpace as Json).addressPrefixes,
      connections: ((p.connections as Json[]) ?? []).map((c) => ({
        name: c.name,
        kind: c.kind,
        virtualNetwork: (c.virtualNetwork as Json).id,
      })),
      internetAccess: p.internetAccess,
      egressFirewall: p.egressFirewall,
      ...(proxies.length > 0 ? { proxies } : {}),
    });
    for (const d of world.under(site.id, "Arclink.OnPremises/sites/dnsServers")) {
      const name = last(d.id);
      (siteFile.dnsServers as Json)[name] = { address: props(d).address, site: last(site.id) };
      const s = typeof style === "function" ? style(name) : style;
      if (s === "windows") windowsServer(d, files, `${last(site.id)}/${name}`);
      else bindServer(d, files, `${last(site.id)}/${name}`);
    }
    for (const h of world.under(site.id, "Arclink.OnPremises/sites/hosts")) {
      const name = last(h.id);
      (siteFile.hosts as Json)[name] = { address: props(h).address, site: last(site.id), os: props(h).os };
      hostFiles(h, files, `${last(site.id)}/${name}`);
    }
  }
  files.set("site.yaml", stringify(siteFile));
  return files;
}
