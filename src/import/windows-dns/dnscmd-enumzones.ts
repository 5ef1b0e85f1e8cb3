import { type DnsServerDraft, emptyDraft, zoneOf } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { linesOf } from "../source-text.js";

/** Whether text is `dnscmd /enumzones` output. */
export function isDnscmdEnumZones(source: string): boolean {
  return /Enumerated zone list:/.test(source);
}

/**
 * Reads `dnscmd /enumzones` [MS-DNSCMD]: a table of zone name, type, storage and
 * properties. Primary and secondary zones become local zones; `Forwarder` zones become
 * conditional forwarders whose targets must come from another export of the server
 * (`Get-DnsServerZone`), since this table does not list them; `Cache` and reverse zones
 * are skipped. Rows that are not `name type storage …` are problems.
 *
 * @example
 * readDnscmdEnumZones(text, "dc01/enumzones.txt", log).zones.map((z) => z.name)
 */
export function readDnscmdEnumZones(source: string, file: string, log: ImportLog): DnsServerDraft {
  const draft = emptyDraft(file);
  let inTable = false;
  linesOf(source).forEach((raw, i) => {
    const line = raw.trim();
    if (/^Zone name\s+Type/i.test(line)) {
      inTable = true;
      return;
    }
    if (!inTable || line === "" || /^Command completed/i.test(line)) return;
    const [name, type, ...rest] = line.split(/\s+/);
    if (!name || !type || rest.length === 0) {
      log.problem(file, i + 1, "a row 'zone-name type storage [properties]'", JSON.stringify(line));
      return;
    }
    const t = type.toLowerCase();
    if (t === "cache" || /\.arpa$/i.test(name) || name === "TrustAnchors") return;
    if (t === "primary" || t === "secondary") zoneOf(draft, name);
    else if (t === "forwarder" || t === "stub")
      draft.conditionalForwarders.push({ domain: name.toLowerCase(), targets: [] });
    else log.problem(file, i + 1, "a zone type Primary, Secondary, Stub, Forwarder or Cache", JSON.stringify(type));
  });
  if (!inTable) log.problem(file, 1, "the 'Zone name  Type  Storage  Properties' header of dnscmd /enumzones", "none");
  return draft;
}
