import { canonicalDomain, relativeName, type ZoneRecord } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { isIpv4 } from "../source-text.js";

const CLASSES = new Set(["IN", "CH", "HS", "CS"]);

/** A TTL in seconds: digits, or BIND's units (`1h30m`, `1w`). */
function ttlOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const m = /^(\d+[wdhms])+$/i.test(word) ? word.match(/\d+[wdhms]/gi) : null;
  if (!m) return undefined;
  const unit: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  return m.reduce((sum, part) => sum + Number(part.slice(0, -1)) * unit[part.slice(-1).toLowerCase()], 0);
}

/** Splits a logical line into fields; quoted strings stay one field, `;` starts a comment. */
function fields(line: string): { words: string[]; open: number } {
  const words: string[] = [];
  let open = 0;
  const re = /"((?:[^"\\]|\\.)*)"|;.*$|\(|\)|[^\s()";]+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m[0].startsWith(";")) break;
    if (m[0] === "(") open++;
    else if (m[0] === ")") open--;
    else words.push(m[1] !== undefined ? m[1] : m[0]);
  }
  return { words, open };
}

/**
 * Reads a zone file in the master file format [RFC 1035 §5.1, BIND-ARM zone files]:
 * `$ORIGIN`, `$TTL`, owners inherited from the line before, `@`, parentheses across
 * lines, comments. A, AAAA, CNAME and TXT records are kept; SOA and apex NS are the zone's
 * own; other records are set aside; lines that are not records are problems.
 *
 * @example
 * readZoneFile("$TTL 3600\n@ IN SOA ns h 1 2 3 4 5\nweb IN A 10.0.0.5\n", "db.corp", "corp.example", log)
 */
export function readZoneFile(source: string, file: string, zone: string, log: ImportLog): ZoneRecord[] {
  const out: ZoneRecord[] = [];
  let origin = canonicalDomain(zone);
  let defaultTtl: number | undefined;
  let owner = origin;
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let { words, open } = fields(lines[i]);
    const continues = /^\s/.test(lines[i]);
    while (open > 0 && i + 1 < lines.length) {
      const more = fields(lines[++i]);
      words = [...words, ...more.words];
      open += more.open;
    }
    if (words.length === 0) continue;
    const line = start + 1;
    if (words[0].toUpperCase() === "$ORIGIN") {
      origin = canonicalDomain(words[1] ?? origin);
      continue;
    }
    if (words[0].toUpperCase() === "$TTL") {
      defaultTtl = ttlOf(words[1] ?? "");
      if (defaultTtl === undefined) log.problem(file, line, "a TTL after $TTL", JSON.stringify(words[1] ?? ""));
      continue;
    }
    if (words[0].startsWith("$")) {
      log.aside(file, line, `directive ${words[0]}`, "not read by arclink (give the included file as its own zone)");
      continue;
    }
    if (!continues) {
      const w = words.shift()!;
      owner = w === "@" ? origin : w.endsWith(".") ? canonicalDomain(w) : `${w.toLowerCase()}.${origin}`;
    }
    let ttl = defaultTtl;
    while (words.length > 0 && (ttlOf(words[0]) !== undefined || CLASSES.has(words[0].toUpperCase()))) {
      const w = words.shift()!;
      if (!CLASSES.has(w.toUpperCase())) ttl = ttlOf(w);
    }
    const type = (words.shift() ?? "").toUpperCase();
    const name = relativeName(`${owner}.`, zone);
    if (!type) {
      log.problem(file, line, "a record: owner, [TTL], [class], type, data", JSON.stringify(lines[start].trim()));
      continue;
    }
    const data = words.join(" ");
    const keep = (value: string) =>
      out.push({ name, type: type as ZoneRecord["type"], value, ...(ttl !== undefined ? { ttl } : {}) });
    if (type === "A") {
      if (isIpv4(words[0] ?? "")) keep(words[0]);
      else log.problem(file, line, "an IPv4 address after A", JSON.stringify(data));
    } else if (type === "AAAA" && words[0]) keep(words[0]);
    else if (type === "CNAME" && words[0]) {
      const t = words[0];
      keep(t === "@" ? origin : t.endsWith(".") ? canonicalDomain(t) : `${t.toLowerCase()}.${origin}`);
    } else if (type === "TXT") keep(words.join(""));
    else if (type === "SOA" || (type === "NS" && name === "@")) {
      // The zone's own records: the zone exists, its server is authoritative.
    } else log.aside(file, line, `${type} record '${owner}'`, "arclink models A, AAAA, CNAME and TXT records only");
  }
  return out;
}
