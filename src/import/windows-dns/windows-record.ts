import { canonicalDomain, RECORD_TYPES, relativeName, type ZoneRecord } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { isObject, type Json, member, text } from "../json-text.js";
import { isIpv4 } from "../source-text.js";
import { ipOf, secondsOf } from "./windows-values.js";

/** The data of a record from `RecordData` (an object, as `ConvertTo-Json` writes it) or a text column. */
function dataOf(row: Json, type: string): string | undefined {
  const data = member(row, "RecordData");
  if (isObject(data)) {
    switch (type) {
      case "A":
        return ipOf(member(data, "IPv4Address"));
      case "AAAA":
        return ipOf(member(data, "IPv6Address"));
      case "CNAME":
        return text(member(data, "HostNameAlias"));
      case "TXT":
        return text(member(data, "DescriptiveText"));
    }
    return undefined;
  }
  for (const key of ["Data", "RecordData", "IPv4Address", "IPv6Address", "HostNameAlias", "DescriptiveText", "Value"]) {
    const v = text(member(row, key));
    if (v) return v;
  }
  return undefined;
}

/**
 * One row of `Get-DnsServerResourceRecord` (JSON object or CSV row) as a zone record
 * [MS-DNS-PS Get-DnsServerResourceRecord]: `HostName`, `RecordType`, `TimeToLive`, and the
 * data. Types other than A, AAAA, CNAME and TXT are set aside; unreadable rows are problems.
 */
export function windowsRecord(
  row: Json,
  zone: string,
  file: string,
  line: number,
  log: ImportLog,
): ZoneRecord | undefined {
  const host = text(member(row, "HostName")) ?? "";
  const type = (text(member(row, "RecordType")) ?? "").toUpperCase();
  if (!RECORD_TYPES.has(type)) {
    log.aside(
      file,
      line,
      `${type || "?"} record '${host}' of zone '${zone}'`,
      "arclink models A, AAAA, CNAME and TXT records only",
    );
    return undefined;
  }
  const data = dataOf(row, type);
  if (!data || /^DnsServerResourceRecord/i.test(data)) {
    log.problem(
      file,
      line,
      `the data of the ${type} record '${host}' (export it with a calculated column, docs/import.md)`,
      data ? `the type name '${data}'` : "none",
    );
    return undefined;
  }
  if (type === "A" && !isIpv4(data)) {
    log.problem(file, line, `an IPv4 address for the A record '${host}'`, JSON.stringify(data));
    return undefined;
  }
  const ttl = secondsOf(member(row, "TimeToLive"));
  const value = type === "CNAME" ? canonicalDomain(data) : data;
  return {
    name: relativeName(host, zone),
    type: type as ZoneRecord["type"],
    value,
    ...(ttl !== undefined ? { ttl } : {}),
  };
}
