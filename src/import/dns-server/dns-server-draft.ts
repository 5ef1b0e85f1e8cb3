/** A record of a local zone, as `Arclink.OnPremises/sites/dnsServers` holds it (docs/premises.md). */
export interface ZoneRecord {
  name: string;
  type: "A" | "AAAA" | "CNAME" | "TXT";
  value: string;
  ttl?: number;
}

/** What one export says about one DNS server; the assembler merges the exports of a server. */
export interface DnsServerDraft {
  /** Where it listens, when the export says (`listen-on`, `interface:`, `listen-address=`). */
  address?: string;
  zones: { name: string; records: ZoneRecord[] }[];
  /** `targets` empty: the export names the domain but not where it forwards (dnscmd /enumzones). */
  conditionalForwarders: { domain: string; targets: string[] }[];
  forwarders?: string[];
  recursion?: boolean;
  /** The files and lines it came from, for messages. */
  file: string;
}

export function emptyDraft(file: string): DnsServerDraft {
  return { zones: [], conditionalForwarders: [], file };
}

/** The zone of that name in the draft, created when absent (names compare without case and trailing dot). */
export function zoneOf(draft: DnsServerDraft, name: string): DnsServerDraft["zones"][number] {
  const key = canonicalDomain(name);
  let zone = draft.zones.find((z) => z.name === key);
  if (!zone) {
    zone = { name: key, records: [] };
    draft.zones.push(zone);
  }
  return zone;
}

/** Lower case, no trailing dot. */
export function canonicalDomain(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** A record's owner relative to its zone: `@` for the apex; names outside the zone stay absolute (with a dot). */
export function relativeName(owner: string, zone: string): string {
  const o = canonicalDomain(owner);
  const z = canonicalDomain(zone);
  if (o === z || o === "@" || o === "") return "@";
  if (o.endsWith(`.${z}`)) return o.slice(0, -(z.length + 1));
  return owner.endsWith(".") ? `${o}.` : o;
}

export const RECORD_TYPES = new Set(["A", "AAAA", "CNAME", "TXT"]);
