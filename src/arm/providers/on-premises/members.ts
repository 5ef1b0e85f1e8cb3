import { DNS_SERVER_TYPE, HOST_TYPE, PROXY_TYPE } from "../../../rules/on-premises/index.js";
import { parseId, typeKey } from "../../../world/index.js";
import { RESOURCE_TYPES } from "../../../world/resource-types.js";
import {
  arrayAt,
  badRequest,
  boolAt,
  enumAt,
  intAt,
  ipv4At,
  isIPv4,
  type Json,
  knownObject,
  requiredString,
  stringAt,
  stringsAt,
} from "../private-dns/body.js";
import { checkDomainName } from "../private-dns/record-data.js";
import { premisesType } from "./premises-handler.js";

const MACHINE_TYPE = RESOURCE_TYPES.machine;
const BYPASS_SERVICES = ["AAD", "ARM", "Arc", "ArcData", "AMA"] as const;
const AGENT_VERSION = /^\d+\.\d+(\.\d+){0,2}$/;

function addresses(value: unknown, path: string): string[] {
  return (arrayAt(value, path) ?? []).map((v, i) => ipv4At(v, `${path}[${i}]`, true) ?? "");
}

function zone(raw: unknown, at: string): Json {
  const z = knownObject(raw, ["name", "records"], "LocalZone", at) ?? {};
  const name = checkDomainName(requiredString(z.name, `${at}.name`), `${at}.name`);
  const records = (arrayAt(z.records, `${at}.records`) ?? []).map((r, i) => {
    const p = `${at}.records[${i}]`;
    const o = knownObject(r, ["name", "type", "value", "ttl"], "LocalZoneRecord", p) ?? {};
    const type = enumAt(o.type, `${p}.type`, ["A", "AAAA", "CNAME", "TXT"] as const) ?? "A";
    const value = requiredString(o.value, `${p}.value`);
    if (type === "A" && !isIPv4(value))
      throw badRequest(`The A record value '${value}' at '${p}.value' is not a valid IPv4 address.`, `${p}.value`);
    if (type === "CNAME") checkDomainName(value, `${p}.value`);
    const ttl = intAt(o.ttl, `${p}.ttl`, 0, 2147483647);
    return { name: stringAt(o.name, `${p}.name`) ?? "@", type, value, ...(ttl !== undefined ? { ttl } : {}) };
  });
  return { name, records };
}

/** `sites/dnsServers` (docs/premises.md): local zones, conditional forwarders, forwarders, recursion. */
export const dnsServers = premisesType({
  type: DNS_SERVER_TYPE,
  kind: "proxy",
  model: "DnsServer",
  build(props) {
    knownObject(
      props,
      ["address", "zones", "conditionalForwarders", "forwarders", "recursion", "cnameChasing"],
      "DnsServerProperties",
      "properties",
    );
    const forwarders = (arrayAt(props.conditionalForwarders, "properties.conditionalForwarders") ?? []).map((f, i) => {
      const at = `properties.conditionalForwarders[${i}]`;
      const o = knownObject(f, ["domain", "targets"], "ConditionalForwarder", at) ?? {};
      const targets = addresses(o.targets, `${at}.targets`);
      if (targets.length === 0)
        throw badRequest(`The conditional forwarder '${at}' needs at least one target address.`, `${at}.targets`);
      return { domain: checkDomainName(requiredString(o.domain, `${at}.domain`), `${at}.domain`), targets };
    });
    return {
      address: ipv4At(props.address, "properties.address", true),
      zones: (arrayAt(props.zones, "properties.zones") ?? []).map((z, i) => zone(z, `properties.zones[${i}]`)),
      conditionalForwarders: forwarders,
      forwarders: addresses(props.forwarders, "properties.forwarders"),
      recursion: boolAt(props.recursion, "properties.recursion") ?? true,
      cnameChasing: boolAt(props.cnameChasing, "properties.cnameChasing") ?? true,
    };
  },
});

/** `sites/proxies` (docs/premises.md): an HTTP CONNECT proxy of the site. */
export const proxies = premisesType({
  type: PROXY_TYPE,
  kind: "proxy",
  model: "Proxy",
  build(props) {
    knownObject(props, ["address", "port", "bypassList", "dnsServers"], "ProxyProperties", "properties");
    return {
      address: ipv4At(props.address, "properties.address", true),
      port: intAt(props.port, "properties.port", 1, 65535) ?? 3128,
      bypassList: stringsAt(props.bypassList, "properties.bypassList") ?? [],
      dnsServers: addresses(props.dnsServers, "properties.dnsServers"),
    };
  },
});

function agent(raw: unknown): Json | undefined {
  const a = knownObject(raw, ["version", "config", "environment"], "AgentInstall", "properties.agent");
  if (!a) return undefined;
  const version = requiredString(a.version, "properties.agent.version");
  if (!AGENT_VERSION.test(version))
    throw badRequest(
      `The agent version '${version}' is invalid: use a version such as '1.45'.`,
      "properties.agent.version",
    );
  const c =
    knownObject(a.config, ["proxy.url", "proxy.bypass", "connection.type"], "AgentConfig", "properties.agent.config") ??
    {};
  const proxyUrl = stringAt(c["proxy.url"], "properties.agent.config['proxy.url']");
  if (proxyUrl !== undefined && !/^https?:\/\/[^/\s]+(:\d+)?\/?$/.test(proxyUrl)) {
    throw badRequest(
      `The proxy URL '${proxyUrl}' is invalid: use 'http://host:port'.`,
      "properties.agent.config['proxy.url']",
    );
  }
  const bypass = stringsAt(c["proxy.bypass"], "properties.agent.config['proxy.bypass']");
  const unknown = bypass?.find((b) => !BYPASS_SERVICES.some((s) => s.toLowerCase() === b.toLowerCase()));
  if (unknown)
    throw badRequest(
      `The proxy bypass value '${unknown}' is not one of ${BYPASS_SERVICES.join(", ")}.`,
      "properties.agent.config['proxy.bypass']",
    );
  const connection = enumAt(c["connection.type"], "properties.agent.config['connection.type']", [
    "direct",
    "gateway",
  ] as const);
  const env =
    knownObject(a.environment, ["HTTPS_PROXY", "NO_PROXY"], "AgentEnvironment", "properties.agent.environment") ?? {};
  const config: Json = {};
  if (proxyUrl !== undefined) config["proxy.url"] = proxyUrl;
  if (bypass !== undefined) config["proxy.bypass"] = bypass;
  if (connection !== undefined) config["connection.type"] = connection;
  const environment: Json = {};
  for (const k of ["HTTPS_PROXY", "NO_PROXY"]) {
    const v = stringAt(env[k], `properties.agent.environment.${k}`);
    if (v !== undefined) environment[k] = v;
  }
  return { version, config, environment };
}

/**
 * `sites/hosts` (docs/premises.md). `machineId` must be a `Microsoft.HybridCompute/machines`
 * id but may name a machine that does not exist yet: `azcmagent connect` creates it.
 */
export const hosts = premisesType({
  type: HOST_TYPE,
  kind: "proxy",
  model: "Host",
  build(props) {
    knownObject(
      props,
      ["address", "os", "dnsServers", "hostsFile", "agent", "machineId"],
      "HostProperties",
      "properties",
    );
    const machineId = stringAt(props.machineId, "properties.machineId");
    const parsed = machineId === undefined ? undefined : parseId(machineId);
    if (machineId !== undefined && (!parsed || typeKey(parsed.type) !== typeKey(MACHINE_TYPE))) {
      throw badRequest(`The machine id '${machineId}' is not a '${MACHINE_TYPE}' resource id.`, "properties.machineId");
    }
    const hostsFile = stringAt(props.hostsFile, "properties.hostsFile");
    const installed = agent(props.agent);
    return {
      address: ipv4At(props.address, "properties.address", true),
      os: enumAt(props.os, "properties.os", ["windows", "linux"] as const) ?? "linux",
      dnsServers: addresses(props.dnsServers, "properties.dnsServers"),
      ...(hostsFile !== undefined ? { hostsFile } : {}),
      ...(installed ? { agent: installed } : {}),
      ...(machineId !== undefined ? { machineId } : {}),
    };
  },
});
