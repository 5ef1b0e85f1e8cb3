import { fileURLToPath } from "node:url";
import type { Lab } from "./lab-types.js";

import { ACCESS_LABS } from "./labs-access.js";
import { AGENT_LABS } from "./labs-agent.js";
import { DNS_LABS } from "./labs-dns.js";
import { HOSTS_LABS } from "./labs-hosts.js";
import { NETWORK_LABS } from "./labs-network.js";

/**
 * Every lab, in the order docs/labs.md presents them: DNS, hosts file, access, network,
 * agent. Each is the default world with one documented mistake.
 *
 * @example
 * LABS.find((l) => l.name === "no-vpn")?.expectedFindings // ["ARC-DNS-FAILED", "ARC-NET-NO-ROUTE"]
 */
export const LABS: readonly Lab[] = [...DNS_LABS, ...HOSTS_LABS, ...ACCESS_LABS, ...NETWORK_LABS, ...AGENT_LABS];

/** The directory holding the generated lab files. */
export const LABS_DIR = fileURLToPath(new URL("../../worlds/labs/", import.meta.url));

/** The world file of a lab: `worlds/labs/<name>.yaml`. */
export function labPath(name: string): string {
  return `${LABS_DIR}${name}.yaml`;
}

/** The lab of that name; undefined when there is none. */
export function findLab(name: string): Lab | undefined {
  return LABS.find((l) => l.name === name);
}

/** The lab of that name, or an error listing the names there are. */
export function requireLab(name: string): Lab {
  const lab = findLab(name);
  if (!lab) throw new Error(`There is no lab '${name}': choose one of ${LABS.map((l) => l.name).join(", ")}.`);
  return lab;
}
