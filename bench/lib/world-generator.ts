// Deterministic large worlds for the verify benchmark: the documented Arc private link
// hub (as in src/semantics/testing) plus `sites` on-premises sites sharing `hosts` hosts,
// every resource in its REST shape, built straight into a MapWorld (not through the API).
// Variety comes from a seeded PRNG, so a size always gives the same world: most hosts are
// healthy; some sites forward the privatelink. zones, lack the VPN or block Entra ID; some
// hosts run an old agent, use a proxy without bypass, or a hosts file, or are unassociated.
import {
  ARC_IDS,
  arcPrivateLinkResources,
  dnsServer,
  host,
  machine,
  proxy,
  site,
} from "../../src/semantics/testing/index.js";
import type { Resource } from "../../src/world/resource.js";
import { MapWorld } from "../../src/world/world.js";

export interface GeneratedWorld {
  world: MapWorld;
  hostIds: string[];
  /** Resources in the world. */
  resources: number;
}

/** mulberry32: a tiny seeded PRNG, so every run builds the same world. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INBOUND = "10.10.2.4";
const ARC_FORWARDS = ["his.arc.azure.com", "guestconfiguration.azure.com", "dp.kubernetesconfiguration.azure.com"];
const HOSTS_FILE = [
  "127.0.0.1 localhost",
  "10.10.1.4 gbl.his.arc.azure.com",
  "10.10.1.5 weu.his.arc.azure.com",
  "10.10.1.6 agentserviceapi.guestconfiguration.azure.com",
  "10.10.1.7 westeurope-gas.guestconfiguration.azure.com",
  "",
].join("\n");

/** A site's resources: the site (VPN to the hub, egress firewall), its DNS server and proxy. */
function siteResources(s: number, rand: () => number): { resources: Resource[]; siteId: string } {
  const net = `10.${64 + s}`;
  const noVpn = s % 25 === 7;
  const blocksEntra = s % 17 === 3;
  const privatelinkForwarders = s % 10 === 4;
  const siteRes = site(`site${s}`, {
    addressSpace: { addressPrefixes: [`${net}.0.0/16`] },
    connections: noVpn ? [] : [{ name: "vpn-hub", kind: "SiteToSiteVpn", virtualNetwork: { id: ARC_IDS.hub } }],
    internetAccess: true,
    egressFirewall: {
      defaultAction: "Deny",
      rules: [
        {
          name: "dns",
          action: "Allow",
          protocol: "Udp",
          destinationAddressPrefixes: ["0.0.0.0/0"],
          destinationPorts: ["53"],
        },
        ...(blocksEntra
          ? []
          : [
              {
                name: "entra",
                action: "Allow",
                protocol: "Tcp",
                destinationServiceTags: ["AzureActiveDirectory"],
                destinationPorts: ["443"],
              },
            ]),
        {
          name: "arm",
          action: "Allow",
          protocol: "Tcp",
          destinationServiceTags: ["AzureResourceManager"],
          destinationPorts: ["443"],
        },
        {
          name: "proxy",
          action: "Allow",
          protocol: "Tcp",
          sourceAddressPrefixes: [`${net}.0.5/32`],
          destinationAddressPrefixes: ["0.0.0.0/0"],
          destinationPorts: ["443"],
        },
      ],
    },
  });
  const dns = dnsServer(siteRes.id, "dns1", {
    address: `${net}.0.2`,
    zones: [],
    conditionalForwarders: ARC_FORWARDS.map((domain) => ({
      domain: privatelinkForwarders ? `privatelink.${domain}` : domain,
      targets: [INBOUND],
    })),
    forwarders: [],
    recursion: true,
    cnameChasing: rand() < 0.5,
  });
  const prx = proxy(siteRes.id, "proxy1", { address: `${net}.0.5`, port: 3128, dnsServers: [`${net}.0.2`] });
  return { resources: [siteRes, dns, prx], siteId: siteRes.id };
}

/**
 * A world of `hosts` hosts spread evenly over `sites` sites, each host with its machine.
 *
 * @example
 * const { world, hostIds } = generateWorld({ hosts: 1000 });
 */
export function generateWorld({ hosts, sites = 50, seed = 42 }: { hosts: number; sites?: number; seed?: number }) {
  const rand = prng(seed);
  const resources: Resource[] = arcPrivateLinkResources().filter(
    (r) => !r.type.startsWith("Arclink.OnPremises") && r.type !== "Microsoft.HybridCompute/machines",
  );
  const siteIds: string[] = [];
  for (let s = 0; s < sites; s++) {
    const made = siteResources(s, rand);
    resources.push(...made.resources);
    siteIds.push(made.siteId);
  }
  const hostIds: string[] = [];
  for (let i = 0; i < hosts; i++) {
    const s = i % sites;
    const k = Math.floor(i / sites) + 16;
    const name = `h${i}`;
    const roll = rand();
    const agent =
      roll < 0.02
        ? { version: "1.3", config: {}, environment: {} }
        : roll < 0.07
          ? { version: "1.45", config: { "proxy.url": `http://10.${64 + s}.0.5:3128` }, environment: {} }
          : roll < 0.12
            ? {
                version: "1.45",
                config: { "proxy.url": `http://10.${64 + s}.0.5:3128`, "proxy.bypass": ["Arc"] },
                environment: {},
              }
            : { version: "1.45", config: {}, environment: {} };
    const m = machine(name, rand() < 0.97 ? { scopeId: ARC_IDS.scope, associatedAt: "2026-01-01T00:00:00Z" } : {});
    const h = host(siteIds[s], name, {
      address: `10.${64 + s}.${k >> 8}.${k & 255}`,
      os: i % 3 === 0 ? "windows" : "linux",
      dnsServers: [`10.${64 + s}.0.2`],
      hostsFile: rand() < 0.05 ? HOSTS_FILE : "127.0.0.1 localhost\n",
      agent,
      machineId: m.id,
    });
    resources.push(m, h);
    hostIds.push(h.id);
  }
  return { world: new MapWorld(resources), hostIds, resources: resources.length } satisfies GeneratedWorld;
}
