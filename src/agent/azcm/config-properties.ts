import { supports, VERSION_GATES } from "../../semantics/agent/agent-version.js";
import { BYPASS_VALUES, isBypassValue } from "../../semantics/agent/proxy-bypass.js";
import { AzcmError } from "./azcm-codes.js";

/** The agent configuration properties arclink models [DOC-CONFIG, DOC-PROXY, facts §10]. */
export const CONFIG_PROPERTIES = ["proxy.url", "proxy.bypass"] as const;
export type ConfigProperty = (typeof CONFIG_PROPERTIES)[number];

/** The host's `properties.agent.config`, as the world stores it. */
export type AgentConfig = { "proxy.url"?: string; "proxy.bypass"?: string[] } & Record<string, unknown>;

export type ConfigChange = { kind: "set" | "add" | "remove"; values: string[] } | { kind: "clear" };

function property(name: string): ConfigProperty {
  const found = CONFIG_PROPERTIES.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new AzcmError(
      "AZCM0023",
      `Unknown configuration property "${name}": arclink's agent supports ${CONFIG_PROPERTIES.join(", ")}.`,
    );
  return found;
}

/** `proxy.url` needs 1.13, `proxy.bypass` 1.15 [DOC-PROXY, facts §3.9]: older agents do not know them. */
function gate(prop: ConfigProperty, version: string) {
  const feature = prop === "proxy.url" ? "proxy-url" : "proxy-bypass";
  if (!supports(version, feature))
    throw new AzcmError(
      "AZCM0003",
      `Configuration property "${prop}" needs agent ${VERSION_GATES[feature]} or later; this agent is ${version}.`,
    );
}

/** `proxy.url`: one http(s) URL with a host [DOC-PROXY: `http://ProxyServerFQDN:port`]. */
function checkProxyUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url?.hostname || (url.protocol !== "http:" && url.protocol !== "https:") || url.pathname.length > 1)
    throw new AzcmError(
      "AZCM0023",
      `Invalid value "${value}" for proxy.url: expected http://ProxyServerFQDN:port (an http or https URL with no path).`,
    );
  if (url.username || url.password)
    throw new AzcmError("AZCM0023", "Invalid value for proxy.url: credentials in the URL are not supported.");
  return value.replace(/\/$/, "");
}

/** `proxy.bypass`: service names, comma-separated or repeated; AAD, ARM, Arc, ArcData, AMA [DOC-PROXY]. */
function checkBypass(values: string[], version: string): string[] {
  const out: string[] = [];
  for (const raw of values.flatMap((v) => v.split(",")).map((v) => v.trim())) {
    if (raw === "") continue;
    const value = BYPASS_VALUES.find((b) => b.toLowerCase() === raw.toLowerCase());
    if (!value || !isBypassValue(value))
      throw new AzcmError(
        "AZCM0023",
        `Invalid value "${raw}" for proxy.bypass: supported values are ${BYPASS_VALUES.join(", ")}.`,
      );
    if (value === "ArcData" && !supports(version, "arcdata-bypass"))
      throw new AzcmError(
        "AZCM0023",
        `Invalid value "ArcData" for proxy.bypass: it needs agent ${VERSION_GATES["arcdata-bypass"]} or later (this agent is ${version}; "Arc" covers Arc data services before it).`,
      );
    if (!out.includes(value)) out.push(value);
  }
  if (out.length === 0) throw new AzcmError("AZCM0023", "No value given for proxy.bypass.");
  return out;
}

/**
 * `azcmagent config set|clear` on a config: validated as azcmagent validates [DOC-CONFIG,
 * DOC-PROXY]; `add`/`remove` (`-a`/`-r`) change the list property `proxy.bypass`. Returns
 * the new config; throws `AzcmError` and changes nothing on bad input.
 *
 * @example
 * changeConfig({}, "1.45", "proxy.bypass", { kind: "set", values: ["Arc"] }) // { "proxy.bypass": ["Arc"] }
 */
export function changeConfig(config: AgentConfig, version: string, name: string, change: ConfigChange): AgentConfig {
  const prop = property(name);
  const next: AgentConfig = { ...config };
  if (change.kind === "clear") {
    delete next[prop];
    return next;
  }
  gate(prop, version);
  if (prop === "proxy.url") {
    if (change.kind !== "set" || change.values.length !== 1)
      throw new AzcmError("AZCM0023", "proxy.url takes exactly one value and cannot be added to or removed from.");
    next["proxy.url"] = checkProxyUrl(change.values[0]);
    return next;
  }
  const given = checkBypass(change.values, version);
  const current = config["proxy.bypass"] ?? [];
  const list =
    change.kind === "set"
      ? given
      : change.kind === "add"
        ? [...current, ...given.filter((v) => !current.includes(v))]
        : current.filter((v) => !given.includes(v as never));
  if (list.length === 0) delete next["proxy.bypass"];
  else next["proxy.bypass"] = list;
  return next;
}

/** The value `config get` prints: the URL, the bypass list comma-separated, or empty. */
export function configValue(config: AgentConfig, name: string): string {
  const prop = property(name);
  const v = config[prop];
  return Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : "";
}

/** `config list`: every property with its value ("" when unset). */
export function listConfig(config: AgentConfig): Record<ConfigProperty, string> {
  return Object.fromEntries(CONFIG_PROPERTIES.map((p) => [p, configValue(config, p)])) as Record<
    ConfigProperty,
    string
  >;
}

/** The config as stored on a host (`proxy.bypass` may be a comma-separated string in a world file). */
export function readAgentConfig(raw: unknown): AgentConfig {
  const c = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  const bypass = c["proxy.bypass"];
  if (typeof bypass === "string")
    c["proxy.bypass"] = bypass
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return c as AgentConfig;
}
