import type { ImportLog } from "../import-log.js";
import { isObject, type Json, member, text } from "../json-text.js";
import { linesOf } from "../source-text.js";
import type { HostDraft } from "./host-draft.js";

/** Whether JSON is `azcmagent show -j` output: an `agentVersion` with the machine's names. */
export function isAzcmagentShow(value: unknown): boolean {
  return (
    isObject(value) &&
    member(value, "agentVersion") !== undefined &&
    (member(value, "resourceName") !== undefined || member(value, "agentStatus") !== undefined)
  );
}

/** `1.45.02845.1898` → `1.45` (docs/premises.md stores major.minor). */
export function agentVersionOf(v: string): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(v.trim());
  return m ? `${m[1]}.${m[2]}` : undefined;
}

function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string" && x !== "");
  return typeof v === "string"
    ? v
        .replace(/^\[|\]$/g, "")
        .split(/[\s,]+/)
        .filter(Boolean)
    : [];
}

/**
 * `azcmagent show -j` [AZCMAGENT-SHOW]: `agentVersion`, the machine (`resourceId`, or
 * `subscriptionId` + `resourceGroup` + `resourceName`), `location`, and the effective proxy
 * (`httpsProxy`, `proxyBypassList`). Other members are not read.
 *
 * @example
 * readAzcmagentShow({ agentVersion: "1.45.02845.1898", resourceName: "web01" }, "web01/show.json", log).agentVersion // "1.45"
 */
export function readAzcmagentShow(value: Json, file: string, log: ImportLog): HostDraft {
  const draft: HostDraft = { file };
  const version = text(member(value, "agentVersion")) ?? "";
  const v = agentVersionOf(version);
  if (v) draft.agentVersion = v;
  else log.problem(file, 1, "an agentVersion such as 1.45.02845.1898", JSON.stringify(version));
  const name = text(member(value, "resourceName"));
  const sub = text(member(value, "subscriptionId"));
  const rg = text(member(value, "resourceGroup")) ?? text(member(value, "resourceGroupName"));
  const id = text(member(value, "resourceId"));
  if (id) draft.machineId = id;
  else if (name && sub && rg)
    draft.machineId = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.HybridCompute/machines/${name}`;
  if (name) draft.machineName = name;
  const location = text(member(value, "location"));
  if (location) draft.location = location;
  const proxy = text(member(value, "httpsProxy")) ?? text(member(value, "proxyUrl"));
  const bypass = listOf(member(value, "proxyBypassList") ?? member(value, "proxyBypass"));
  if (proxy || bypass.length > 0) {
    draft.agentConfig = {
      ...(proxy ? { "proxy.url": proxy } : {}),
      ...(bypass.length > 0 ? { "proxy.bypass": bypass } : {}),
    };
  }
  const os = (text(member(value, "osType")) ?? "").toLowerCase();
  if (os === "windows" || os === "linux") draft.os = os;
  return draft;
}

/** Whether JSON is `azcmagent check --json` output: endpoint rows with reachability. */
export function isAzcmagentCheck(value: unknown): boolean {
  const rows = checkRows(value);
  return rows.length > 0 && rows.every((r) => member(r, "endpoint") !== undefined || member(r, "url") !== undefined);
}

function checkRows(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  if (isObject(value)) {
    for (const key of ["endpoints", "connectivity", "results", "checks"]) {
      const v = member(value, key);
      if (Array.isArray(v)) return v.filter(isObject);
    }
  }
  return [];
}

/**
 * `azcmagent check --json` [AZCMAGENT-CHECK]: what the host observed per endpoint
 * (reachable, private). Kept for the report beside the verifier's prediction; it does not
 * change the world.
 */
export function readAzcmagentCheck(value: unknown, file: string): HostDraft {
  const observed = checkRows(value).map((r) => {
    const reachable = member(r, "reachable");
    const priv = member(r, "private");
    return {
      endpoint: (text(member(r, "endpoint")) ?? text(member(r, "url")) ?? "")
        .replace(/^https?:\/\//, "")
        .replace(/[:/].*$/, ""),
      ...(typeof reachable === "boolean" ? { reachable } : {}),
      ...(typeof priv === "boolean" ? { private: priv } : {}),
    };
  });
  return { observed, file };
}

const CONFIG_KEYS = ["proxy.url", "proxy.bypass", "connection.type"] as const;

/** Whether text is `azcmagent config list` output (or its `-j` JSON): a `proxy.url` setting. */
export function isAzcmagentConfig(source: string): boolean {
  return /proxy\.url|Local Configuration Settings/.test(source) && !/^\s*[[{]\s*"(id|type)"/.test(source);
}

/**
 * `azcmagent config list` [AZCMAGENT-CONFIG]: lines `key [(preview)] : value`, or the JSON
 * of `-j` (`{"LocalSettings": [{Key, Value}]}` or a flat object). Reads `proxy.url`,
 * `proxy.bypass` and `connection.type`, as the agent stores them; `default` and empty
 * values mean not set.
 *
 * @example
 * readAzcmagentConfig("proxy.url : http://192.168.0.5:3128\n", "web01/config.txt", log).agentConfig
 */
export function readAzcmagentConfig(source: string, file: string, log: ImportLog): HostDraft {
  const settings = new Map<string, string>();
  const trimmed = source.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const v = JSON.parse(trimmed) as unknown;
      const rows =
        isObject(v) && Array.isArray(member(v, "LocalSettings")) ? (member(v, "LocalSettings") as unknown[]) : [];
      for (const r of rows) if (isObject(r)) settings.set(String(member(r, "Key")), JSON.stringify(member(r, "Value")));
      if (isObject(v)) for (const k of CONFIG_KEYS) if (k in v) settings.set(k, JSON.stringify(v[k]));
    } catch {
      log.problem(file, 1, "the JSON of `azcmagent config list -j`", "invalid JSON");
    }
  } else {
    linesOf(source).forEach((raw) => {
      const m = /^\s*([a-z.]+)\s*(\(preview\))?\s*:\s*(.*)$/i.exec(raw);
      if (m) settings.set(m[1], m[3].trim());
    });
  }
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    let value = settings.get(key);
    if (value === undefined) continue;
    if (value.startsWith('"') || value.startsWith("[")) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        // Text output writes lists as [a b].
      }
    }
    const list = listOf(value);
    if (list.length === 0 || (key === "connection.type" && list[0] === "default")) continue;
    config[key] = key === "proxy.bypass" ? list : list[0];
  }
  return { agentConfig: config, file };
}
