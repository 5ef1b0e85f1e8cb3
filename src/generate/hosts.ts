import { parseHostsFile } from "../semantics/dns/hosts-file.js";
import { readMachine } from "../semantics/model/hybrid-compute.js";
import { HOST_TYPE, type PremisesClient, readClient } from "../semantics/model/premises.js";
import { reach } from "../semantics/net/reach.js";
import { sameId } from "../world/arm-id.js";
import { normalizeLocation } from "../world/catalog/regions.js";
import type { World } from "../world/world.js";
import { type ArcEndpoint, endpointsOfScope, readArcEndpoint, SCOPE_TYPE } from "./arc-endpoint.js";
import { arcNamesForRegion } from "./arc-names.js";
import { GENERATE_ERRORS, GenerateError, oneOf } from "./errors.js";
import { type Generated, joinLines } from "./generated.js";
import { findResource } from "./lookup.js";

export const OS_VALUES = ["windows", "linux"] as const;
export type Os = (typeof OS_VALUES)[number];

export const HOSTS_PATH: Record<Os, string> = {
  linux: "/etc/hosts",
  windows: "C:\\Windows\\System32\\drivers\\etc\\hosts",
};

export interface HostsOptions {
  /** An `Arclink.OnPremises/sites/hosts` id or name: gives the OS, the scope (through its machine) and the site. */
  host?: string;
  /** A private endpoint id or name, instead of the one the host's scope and site lead to. */
  privateEndpoint?: string;
  /** A scope id or name, for a host not yet connected (no machine). */
  privateLinkScope?: string;
  os?: string;
  /** Include `<region>.dp.kubernetesconfiguration.azure.com`: default when the endpoint publishes it. */
  kubernetes?: boolean;
  /** The instant the semantics judge reachability at (default: now). */
  now?: Date;
}

export interface HostsLine {
  ip: string;
  fqdn: string;
}

export interface HostsData {
  os: Os;
  path: string;
  hostId?: string;
  privateEndpointId: string;
  scopeId: string;
  region: string;
  lines: HostsLine[];
}

/**
 * The scope's endpoint the host reaches — the first whose Arc address `reach` delivers
 * HTTPS to from the host — else the first (with a warning).
 */
function endpointForHost(
  world: World,
  scopeId: string,
  host: PremisesClient | undefined,
  now: Date,
  warnings: string[],
): ArcEndpoint {
  const all = endpointsOfScope(world, scopeId);
  if (all.length === 0) {
    throw new GenerateError(
      GENERATE_ERRORS.NothingToGenerate,
      `Scope '${scopeId}' has no private endpoint, so there is no private address to put in a hosts file.`,
    );
  }
  const reaches = (e: ArcEndpoint) => {
    const address = e.entries.flatMap((x) => x.ipAddresses)[0];
    if (!host || !address) return false;
    return reach(world, { kind: "premises", id: host.id }, address, 443, "Tcp", now).disposition === "DELIVERED";
  };
  const near = all.filter(reaches);
  if (host && near.length === 0) {
    warnings.push(
      `No private endpoint of the scope is reachable from host '${host.id.split("/").pop()}' on port 443; using '${all[0].name}', which the host may not reach.`,
    );
  }
  const chosen = near[0] ?? all[0];
  if ((near.length || all.length) > 1) {
    warnings.push(
      `The scope has several private endpoints; using '${chosen.name}'. Pass --private-endpoint to choose.`,
    );
  }
  return chosen;
}

/**
 * Hosts-file lines that make every Arc name an agent uses resolve to the private
 * endpoint of its machine's scope: the single-server alternative to DNS [DOC-PL, facts §8].
 *
 * @example
 * generateHosts(world, { host: "srv1" }).text
 * // # /etc/hosts — ...
 * // 10.10.1.4  gbl.his.arc.azure.com
 */
export function generateHosts(world: World, options: HostsOptions): Generated<HostsData> {
  const warnings: string[] = [];
  const host = options.host ? readClient(world, findResource(world, options.host, HOST_TYPE, "Host").id) : undefined;
  if (!options.os && !host?.os) {
    const why = host ? `host '${options.host}' has no 'os'` : "no host was given";
    throw new GenerateError(
      GENERATE_ERRORS.InvalidOption,
      `Cannot tell the hosts-file syntax: ${why}; pass --os windows or --os linux.`,
    );
  }
  const os = oneOf("--os", options.os ?? host?.os, OS_VALUES);
  const machine = host?.machineId ? readMachine(world, host.machineId) : undefined;
  if (host?.machineId && !machine) warnings.push(`Host machine '${host.machineId}' is not in the world.`);

  let endpoint: ArcEndpoint;
  if (options.privateEndpoint) {
    endpoint = readArcEndpoint(world, options.privateEndpoint);
  } else {
    const scopeId = options.privateLinkScope
      ? findResource(world, options.privateLinkScope, SCOPE_TYPE, "Private link scope").id
      : machine?.privateLinkScopeResourceId;
    if (!scopeId) {
      const why = !host
        ? "no host, scope or private endpoint was given"
        : !machine
          ? `host '${options.host}' has no machine yet`
          : `machine '${machine.id}' is not associated with a private link scope`;
      throw new GenerateError(
        GENERATE_ERRORS.NotAssociated,
        `Cannot tell which scope to use: ${why}; pass --private-link-scope or --private-endpoint.`,
      );
    }
    if (!world.get(scopeId))
      throw new GenerateError(GENERATE_ERRORS.NotFound, `Private link scope '${scopeId}' is not in the world.`);
    endpoint = endpointForHost(world, scopeId, host, options.now ?? new Date(), warnings);
  }
  if (machine && !sameId(machine.privateLinkScopeResourceId, endpoint.scopeId)) {
    warnings.push(
      `Machine '${machine.id}' is not associated with scope '${endpoint.scopeId}': the scope refuses it [DOC-PL].`,
    );
  }
  warnings.push(...endpoint.warnings);

  const location = endpoint.scope?.location ?? machine?.location;
  if (!location) {
    throw new GenerateError(
      GENERATE_ERRORS.NothingToGenerate,
      `Cannot tell the region of scope '${endpoint.scopeId}': it is not in the world.`,
    );
  }
  const region = arcNamesForRegion(location);
  warnings.push(...region.warnings);
  if (machine?.location && normalizeLocation(machine.location) !== region.region) {
    warnings.push(
      `Machine '${machine.id}' is in '${machine.location}' but its scope is in '${region.region}'; both must be in one region [DOC-PL].`,
    );
  }

  const lines: HostsLine[] = [];
  for (const name of region.names) {
    const entry = endpoint.entries.find((e) => e.fqdn === name.fqdn && e.ipAddresses.length > 0);
    if (name.zone.optional && (options.kubernetes === false || (!entry && options.kubernetes === undefined))) continue;
    if (!entry) {
      warnings.push(
        `Private endpoint '${endpoint.name}' publishes no address for '${name.fqdn}'; the host would resolve it publicly.`,
      );
      continue;
    }
    if (entry.ipAddresses.length > 1)
      warnings.push(`'${name.fqdn}' has several addresses; the hosts file uses the first.`);
    lines.push({ ip: entry.ipAddresses[0], fqdn: name.fqdn });
  }
  if (lines.length === 0) {
    throw new GenerateError(
      GENERATE_ERRORS.NothingToGenerate,
      `Private endpoint '${endpoint.name}' publishes none of the Arc names of region '${region.region}'.`,
    );
  }

  for (const existing of parseHostsFile(host?.hostsFile ?? "")) {
    for (const line of lines) {
      if (existing.names.includes(line.fqdn) && existing.address !== line.ip) {
        warnings.push(
          `The host's hosts file maps '${line.fqdn}' to ${existing.address} (line ${existing.line}); remove that line.`,
        );
      }
    }
  }

  const path = HOSTS_PATH[os];
  const width = Math.max(...lines.map((l) => l.ip.length)) + 2;
  const header = [
    `# ${path}`,
    `# Azure Arc private link: the Arc names of region ${region.region} resolve to private endpoint '${endpoint.name}'`,
    `# of scope '${endpoint.scopeId.split("/").pop()}'${host ? ` (host '${host.id.split("/").pop()}')` : ""}. Add these lines to ${path} [DOC-PL].`,
    os === "windows"
      ? "# Edit as Administrator; the DNS client reads the file at once (ipconfig /flushdns clears older answers)."
      : "# Edit as root; glibc reads the file on each lookup when /etc/nsswitch.conf lists 'files' before 'dns'.",
  ];
  const body = lines.map((l) => `${l.ip.padEnd(width)}${l.fqdn}`);
  return {
    kind: "hosts",
    text: joinLines([...header, ...body], os === "windows" ? "\r\n" : "\n"),
    data: {
      os,
      path,
      hostId: host?.id,
      privateEndpointId: endpoint.id,
      scopeId: endpoint.scopeId,
      region: region.region,
      lines,
    },
    warnings,
  };
}
