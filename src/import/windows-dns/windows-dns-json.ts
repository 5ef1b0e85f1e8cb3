import { type DnsServerDraft, emptyDraft, zoneOf } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { isObject, type Json, linesOfKey, member, text } from "../json-text.js";
import { windowsRecord } from "./windows-record.js";
import { ipsOf, zoneOfRecord } from "./windows-values.js";

type Kind = "zone" | "record" | "forwarder" | "recursion";

function kindOf(row: Json): Kind | undefined {
  if (member(row, "ZoneName") !== undefined && member(row, "ZoneType") !== undefined) return "zone";
  if (member(row, "HostName") !== undefined && member(row, "RecordType") !== undefined) return "record";
  if (
    member(row, "UseRootHint") !== undefined ||
    (member(row, "IPAddress") !== undefined && member(row, "Timeout") !== undefined)
  )
    return "forwarder";
  if (member(row, "Enable") !== undefined && member(row, "SecureResponse") !== undefined) return "recursion";
  return undefined;
}

function rowsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Whether JSON is a Windows DNS Server export (`… | ConvertTo-Json`). */
export function isWindowsDnsJson(value: unknown): boolean {
  const rows = rowsOf(value);
  return rows.length > 0 && rows.every((r) => isObject(r) && kindOf(r) !== undefined);
}

/**
 * Reads `Get-DnsServerZone`, `Get-DnsServerResourceRecord`, `Get-DnsServerForwarder` and
 * `Get-DnsServerRecursion` output piped to `ConvertTo-Json` [MS-DNS-PS]: primary and
 * secondary zones become local zones, `Forwarder` zones (conditional forwarders,
 * `Add-DnsServerConditionalForwarderZone`) their `MasterServers`, server forwarders the
 * forwarders; recursion is on unless `Get-DnsServerRecursion` says `Enable: false` or
 * the forwarders say `UseRootHint: false`. Reverse and auto-created zones are skipped.
 *
 * @example
 * readWindowsDnsJson(JSON.parse(text), text, "dc01/zones.json", "corp.contoso.com", log)
 */
export function readWindowsDnsJson(
  value: unknown,
  source: string,
  file: string,
  fallbackZone: string | undefined,
  log: ImportLog,
): DnsServerDraft {
  const draft = emptyDraft(file);
  const zoneLines = linesOfKey(source, "ZoneName");
  const hostLines = linesOfKey(source, "HostName");
  for (const row of rowsOf(value)) {
    if (!isObject(row)) continue;
    switch (kindOf(row)) {
      case "zone": {
        const name = text(member(row, "ZoneName")) ?? "";
        const line = zoneLines.get(name.toLowerCase()) ?? 1;
        const type = (text(member(row, "ZoneType")) ?? "").toLowerCase();
        if (
          member(row, "IsReverseLookupZone") === true ||
          member(row, "IsAutoCreated") === true ||
          name === "TrustAnchors"
        )
          continue;
        if (type === "forwarder" || type === "stub") {
          const targets = ipsOf(member(row, "MasterServers"));
          if (targets.length === 0) log.problem(file, line, `the MasterServers of forwarder zone '${name}'`, "none");
          else draft.conditionalForwarders.push({ domain: name.toLowerCase(), targets });
          if (type === "stub")
            log.assume(
              `stub zone '${name}'`,
              "a conditional forwarder to its master servers",
              "none needed if they answer recursively",
            );
        } else if (type === "primary" || type === "secondary") zoneOf(draft, name);
        else log.aside(file, line, `zone '${name}'`, `zone type '${type}' is not modelled`);
        break;
      }
      case "record": {
        const host = text(member(row, "HostName")) ?? "";
        const line = hostLines.get(host.toLowerCase()) ?? 1;
        const zone = zoneOfRecord(row) ?? fallbackZone;
        if (!zone) {
          log.problem(
            file,
            line,
            `the zone of record '${host}' (a DistinguishedName, a ZoneName member, or a file named after the zone)`,
            "none",
          );
          break;
        }
        const record = windowsRecord(row, zone, file, line, log);
        if (record) zoneOf(draft, zone).records.push(record);
        break;
      }
      case "forwarder":
        draft.forwarders = ipsOf(member(row, "IPAddress"));
        if (member(row, "UseRootHint") === false) draft.recursion = false;
        break;
      case "recursion":
        if (member(row, "Enable") === false) draft.recursion = false;
        else if (draft.recursion === undefined) draft.recursion = true;
        break;
    }
  }
  return draft;
}
