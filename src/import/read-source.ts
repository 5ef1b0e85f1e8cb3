import type { TemplatePlacement } from "./azure/arm-template.js";
import { isAzureJson, readAzureJson } from "./azure/azure-json.js";
import type { RawResource } from "./azure/raw-resource.js";
import { isNamedConf, type ReadRelative, readNamedConf } from "./bind/named-conf.js";
import { readZoneFile } from "./bind/zone-file.js";
import { type DnsServerDraft, emptyDraft, zoneOf } from "./dns-server/dns-server-draft.js";
import { isDnsmasqConf, readDnsmasqConf } from "./dnsmasq/dnsmasq-conf.js";
import {
  isAzcmagentCheck,
  isAzcmagentConfig,
  isAzcmagentShow,
  readAzcmagentCheck,
  readAzcmagentConfig,
  readAzcmagentShow,
} from "./hosts/azcmagent.js";
import type { HostDraft } from "./hosts/host-draft.js";
import { isResolvConf, looksLikeHostsFile, readHostsFile, readResolvConf } from "./hosts/hosts-file.js";
import { isIpconfig, readIpconfig } from "./hosts/ipconfig.js";
import type { ImportLog } from "./import-log.js";
import { isObject, parseJson } from "./json-text.js";
import { armTemplatePlacementDefault } from "./placement.js";
import { isUnboundConf, readUnboundConf } from "./unbound/unbound-conf.js";
import { isDnscmdEnumZones, readDnscmdEnumZones } from "./windows-dns/dnscmd-enumzones.js";
import { isWindowsDnsCsv, readWindowsDnsCsv } from "./windows-dns/windows-dns-csv.js";
import { isWindowsDnsJson, readWindowsDnsJson } from "./windows-dns/windows-dns-json.js";

/** What one source file contributes: Azure resources, or part of one DNS server or host. */
export type Contribution =
  | { format: string; kind: "azure"; resources: RawResource[] }
  | { format: string; kind: "dns-server"; draft: DnsServerDraft }
  | { format: string; kind: "host"; draft: HostDraft; hostName?: string }
  | { format: string; kind: "none" };

/** One source: its path (for messages), its text, and how to read the files it names. */
export interface Source {
  file: string;
  text: string;
  readRelative: ReadRelative;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A zone named by a file: `corp.contoso.com.json`, `db.corp.contoso.com`, `corp.contoso.com.zone`. */
export function zoneFromFileName(file: string): string | undefined {
  const name = baseName(file)
    .replace(/\.(json|csv|txt|zone|db)$/i, "")
    .replace(/^db\./i, "")
    .replace(/\.records$/i, "");
  return name.includes(".") ? name.toLowerCase() : undefined;
}

function isZoneFile(text: string): boolean {
  return /(^|\n)\$ORIGIN\s|\sIN\s+SOA\s|(^|\n)\S+\s+(\d+\s+)?(IN\s+)?SOA\s/i.test(text);
}

function fromJson(src: Source, log: ImportLog, placement: TemplatePlacement): Contribution {
  const value = parseJson(src.text, src.file, log);
  if (value === undefined) return { format: "invalid JSON", kind: "none" };
  if (isAzcmagentShow(value))
    return { format: "azcmagent show -j", kind: "host", draft: readAzcmagentShow(value as never, src.file, log) };
  if (isAzcmagentCheck(value))
    return { format: "azcmagent check --json", kind: "host", draft: readAzcmagentCheck(value, src.file) };
  if (isObject(value) && ("LocalSettings" in value || "proxy.url" in value)) {
    return { format: "azcmagent config list -j", kind: "host", draft: readAzcmagentConfig(src.text, src.file, log) };
  }
  if (isWindowsDnsJson(value)) {
    return {
      format: "Windows DNS Server (ConvertTo-Json)",
      kind: "dns-server",
      draft: readWindowsDnsJson(value, src.text, src.file, zoneFromFileName(src.file), log),
    };
  }
  if (isAzureJson(value))
    return { format: "Azure JSON", kind: "azure", resources: readAzureJson(value, src.text, src.file, log, placement) };
  log.problem(
    src.file,
    1,
    "an Azure export, a Windows DNS Server export or azcmagent output (docs/import.md lists the formats)",
    "other JSON",
  );
  return { format: "unknown JSON", kind: "none" };
}

/**
 * Recognizes a source by its content (and file name for hosts files and resolv.conf) and
 * reads it with the parser of its format. Unrecognized input is a problem; nothing throws.
 *
 * @example
 * readSource({ file: "dc02/named.conf", text, readRelative }, log, placement).kind // "dns-server"
 */
export function readSource(
  src: Source,
  log: ImportLog,
  placement: TemplatePlacement = armTemplatePlacementDefault,
): Contribution {
  try {
    return recognized(src, log, placement);
  } catch (error) {
    // A parser bug must not end the import: the file is a problem and the rest goes on.
    log.problem(src.file, 1, `${INTERNAL} ${(error as Error).message}`);
    return { format: "unreadable", kind: "none" };
  }
}

/** The start of the problem a parser's own failure gives (the fuzz tests check it never happens). */
export const INTERNAL = "input arclink can read (internal error):";

function recognized(src: Source, log: ImportLog, placement: TemplatePlacement): Contribution {
  const { text, file } = src;
  const name = baseName(file).toLowerCase();
  const trimmed = text.trimStart();
  if (trimmed === "") {
    log.problem(file, 1, "a supported export (docs/import.md)", "an empty file");
    return { format: "empty", kind: "none" };
  }
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return fromJson(src, log, placement);
  if (isWindowsDnsCsv(text))
    return {
      format: "Windows DNS Server (Export-Csv)",
      kind: "dns-server",
      draft: readWindowsDnsCsv(text, file, zoneFromFileName(file), log),
    };
  if (isDnscmdEnumZones(text))
    return { format: "dnscmd /enumzones", kind: "dns-server", draft: readDnscmdEnumZones(text, file, log) };
  if (isIpconfig(text)) {
    const { hostName, ...draft } = readIpconfig(text, file, log);
    return { format: "ipconfig /all", kind: "host", draft, ...(hostName ? { hostName } : {}) };
  }
  if (isAzcmagentConfig(text))
    return { format: "azcmagent config list", kind: "host", draft: readAzcmagentConfig(text, file, log) };
  if (isNamedConf(text))
    return { format: "BIND named.conf", kind: "dns-server", draft: readNamedConf(text, file, src.readRelative, log) };
  if (isUnboundConf(text))
    return { format: "unbound.conf", kind: "dns-server", draft: readUnboundConf(text, file, log) };
  if (isDnsmasqConf(text))
    return { format: "dnsmasq.conf", kind: "dns-server", draft: readDnsmasqConf(text, file, log) };
  if (isZoneFile(text)) {
    const origin = /(^|\n)\$ORIGIN\s+(\S+)/i.exec(text)?.[2] ?? zoneFromFileName(file);
    if (!origin) {
      log.problem(file, 1, "a $ORIGIN line or a file named after its zone (db.ZONE or ZONE.zone)", "neither");
      return { format: "zone file", kind: "none" };
    }
    const draft = emptyDraft(file);
    zoneOf(draft, origin).records.push(...readZoneFile(text, file, origin, log));
    return { format: "zone file", kind: "dns-server", draft };
  }
  if (name.startsWith("resolv") || (isResolvConf(text) && !looksLikeHostsFile(text))) {
    return { format: "resolv.conf", kind: "host", draft: readResolvConf(text, file, log) };
  }
  if (name.startsWith("hosts") || looksLikeHostsFile(text))
    return { format: "hosts file", kind: "host", draft: readHostsFile(text, file, log) };
  log.problem(
    file,
    1,
    "a supported export (docs/import.md lists the formats)",
    `text starting ${JSON.stringify(trimmed.slice(0, 30))}`,
  );
  return { format: "unknown", kind: "none" };
}
