import { parse } from "csv-parse/sync";
import { type DnsServerDraft, emptyDraft, zoneOf } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { windowsRecord } from "./windows-record.js";
import { zoneOfRecord } from "./windows-values.js";

/** Whether text is `Get-DnsServerResourceRecord | Export-Csv` output: a header with HostName and RecordType. */
export function isWindowsDnsCsv(source: string): boolean {
  const lines = source.split(/\r?\n/, 3);
  const header = lines[0]?.startsWith("#TYPE") ? lines[1] : lines[0];
  return header !== undefined && /(^|,)"?HostName"?(,|$)/i.test(header) && /(^|,)"?RecordType"?(,|$)/i.test(header);
}

/**
 * Reads `Get-DnsServerResourceRecord -ZoneName Z | Export-Csv` [MS-DNS-PS, Export-Csv]:
 * the optional `#TYPE` line, a header, one record a row. `RecordData` holds only a type name
 * in a plain export, so the data is read from a `Data` (or `IPv4Address`, `HostNameAlias`)
 * column added with `Select-Object` (docs/import.md). Malformed rows are problems at their line.
 *
 * @example
 * readWindowsDnsCsv(text, "dc01/corp.contoso.com.csv", "corp.contoso.com", log)
 */
export function readWindowsDnsCsv(
  source: string,
  file: string,
  fallbackZone: string | undefined,
  log: ImportLog,
): DnsServerDraft {
  const draft = emptyDraft(file);
  const skip = source.startsWith("#TYPE") ? 1 : 0;
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(source, {
      columns: true,
      from_line: skip + 1,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as typeof rows;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    log.problem(file, (e.lines ?? 1) + skip, "CSV with a header row (Export-Csv)", e.message.split(":")[0]);
    return draft;
  }
  for (const { record, info } of rows) {
    const line = info.lines;
    const zone = zoneOfRecord(record) ?? fallbackZone;
    if (!zone) {
      log.problem(
        file,
        line,
        "the zone of the record (a DistinguishedName or ZoneName column, or a file named after the zone)",
        "none",
      );
      continue;
    }
    const r = windowsRecord(record, zone, file, line, log);
    if (r) zoneOf(draft, zone).records.push(r);
  }
  return draft;
}
