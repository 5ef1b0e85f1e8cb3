import { hostProperties, LAB_HOST, TYPES } from "./default-world.js";
import type { Lab } from "./lab-types.js";

const PROXY_ADDRESS = "192.168.0.5";
const PROXY_PORT = 3128;

/** Mistakes in the agent on the host: its version, its proxy settings [DOC-PL §3.9, DOC-PROXY, facts §10]. */
export const AGENT_LABS: Lab[] = [
  {
    name: "agent-public-extension-download",
    title: "web01 runs agent 1.19, which downloads extensions publicly under private link",
    description: `The Connected Machine agent on ${LAB_HOST} is version 1.19; its machine uses private link.`,
    mistake:
      "Agent 1.19 has a known issue: agents configured to use private endpoints download extensions from a " +
      "public endpoint (Blob Storage), fixed in 1.20 [DOC-RN 1.19, 1.20]. Here the egress firewall blocks " +
      "Storage for web01, so extension installs fail; opening the firewall would send them publicly.",
    fix: "Upgrade the Connected Machine agent to 1.20 or later.",
    expectedFindings: ["ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD", "ARC-NET-FIREWALL"],
    expectedVerdicts: [
      { host: "web01", endpoint: "westeuropeextensions.blob.core.windows.net", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      const { entry, props } = hostProperties(w);
      w.set(
        entry,
        ["agent"],
        { ...(props.agent as object), version: "1.19" },
        "agent 1.19: public extension downloads",
      );
    },
  },
  {
    name: "agent-too-old",
    title: "web01 runs agent 1.3",
    description: `The Connected Machine agent on ${LAB_HOST} is version 1.3.`,
    mistake: "Private endpoints need agent 1.4 or later [DOC-PL, facts §3.9].",
    fix: "Upgrade the Connected Machine agent (1.4 or later; current releases are 1.4x).",
    expectedFindings: ["ARC-AGENT-VERSION"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "AGENT_TOO_OLD" }],
    patch(w) {
      const { entry, props } = hostProperties(w);
      w.set(entry, ["agent"], { ...(props.agent as object), version: "1.3" }, "agent 1.3: older than 1.4");
    },
  },
  {
    name: "proxy-without-bypass",
    title: "All agent traffic goes through a proxy that resolves publicly",
    description:
      `${LAB_HOST}'s agent sends everything through the site's DMZ proxy (proxy.url) without proxy.bypass; the ` +
      "proxy resolves names with a public resolver and may reach any HTTPS address on the internet.",
    mistake:
      'Without proxy.bypass "Arc", the Arc endpoints go through the proxy too, which resolves their public ' +
      "addresses: the traffic reaches the public endpoint, which the scope refuses with public access disabled " +
      "[DOC-PROXY, DOC-PL, facts §10].",
    fix: 'azcmagent config set proxy.bypass "Arc" (agent 1.15 or later): Entra ID and ARM use the proxy, Arc goes direct to the private endpoint.',
    expectedFindings: ["ARC-ACCESS-PUBLIC-DISABLED", "ARC-PROXY-NO-ARC-BYPASS"],
    expectedVerdicts: [
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "REFUSED_PUBLIC_ACCESS_DISABLED" },
      { host: "web01", endpoint: "login.microsoftonline.com", verdict: "PUBLIC" },
    ],
    patch(w) {
      const site = w.find(TYPES.site);
      const firewall = w.properties(site).egressFirewall as { rules?: unknown[] } | undefined;
      const source = () => [`${PROXY_ADDRESS}/32`];
      const rules = [
        {
          name: "allow-proxy-dns",
          action: "Allow",
          protocol: "Udp",
          sourceAddressPrefixes: source(),
          destinationAddressPrefixes: ["1.1.1.1/32"],
          destinationPorts: ["53"],
        },
        {
          name: "allow-proxy-https",
          action: "Allow",
          protocol: "Tcp",
          sourceAddressPrefixes: source(),
          destinationAddressPrefixes: ["0.0.0.0/0"],
          destinationPorts: ["443"],
        },
        ...(firewall?.rules ?? []),
      ];
      w.set(site, ["egressFirewall", "rules"], rules, "the DMZ proxy may reach public DNS and any HTTPS address");
      w.add(
        `${site.id}/proxies/proxy01`,
        { properties: { address: PROXY_ADDRESS, port: PROXY_PORT, dnsServers: ["1.1.1.1"] } },
        "a DMZ proxy that resolves names with a public resolver",
        site,
      );
      const { entry, props } = hostProperties(w);
      const agent = (props.agent ?? {}) as Record<string, unknown>;
      const config = { ...((agent.config as object) ?? {}), "proxy.url": `http://${PROXY_ADDRESS}:${PROXY_PORT}` };
      w.set(entry, ["agent"], { ...agent, config }, "proxy.url set, proxy.bypass not set");
    },
  },
];
