import { type DnsServerDraft, emptyDraft, zoneOf } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { isIpv4 } from "../source-text.js";
import { parseNamedConf, type Statement } from "./named-conf-syntax.js";
import { readZoneFile } from "./zone-file.js";

/** Reads a file a configuration names (relative to the configuration's directory); undefined when absent. */
export type ReadRelative = (path: string, directory?: string) => { text: string; file: string } | undefined;

/** Whether text looks like named.conf: `zone "…" {` or `options {`. */
export function isNamedConf(source: string): boolean {
  return /(^|\n)\s*(zone\s+"[^"]*"[^{]*\{|options\s*\{)/.test(source);
}

const IGNORED = new Set([
  "acl",
  "key",
  "logging",
  "controls",
  "statistics-channels",
  "trusted-keys",
  "managed-keys",
  "trust-anchors",
  "server",
  "masters",
  "primaries",
  "tls",
  "http",
  "dnssec-policy",
  "key-store",
]);

function addresses(block: Statement[] | undefined): string[] {
  return (block ?? []).map((s) => s.words[0]).filter((w): w is string => w !== undefined && isIpv4(w));
}

interface Context {
  draft: DnsServerDraft;
  file: string;
  log: ImportLog;
  read: ReadRelative;
  directory?: string;
  depth: number;
}

function options(s: Statement, ctx: Context): void {
  for (const o of s.block ?? []) {
    const [key, value] = o.words;
    if (key === "directory" && value) ctx.directory = value;
    else if (key === "forwarders") ctx.draft.forwarders = addresses(o.block);
    else if (key === "recursion") ctx.draft.recursion = value !== "no";
    else if (key === "listen-on") {
      const listen = addresses(o.block).filter((a) => !a.startsWith("127."));
      if (listen.length > 0) ctx.draft.address = listen[0];
    }
  }
}

function zone(s: Statement, ctx: Context): void {
  const name = s.words[1];
  if (!name) {
    ctx.log.problem(ctx.file, s.line, "a zone name after 'zone'", "none");
    return;
  }
  const body = new Map((s.block ?? []).map((o) => [o.words[0], o] as const));
  const type = body.get("type")?.words[1]?.toLowerCase();
  if (name === "." || /\.arpa\.?$/i.test(name) || type === "hint") return;
  if (type === "forward" || type === "stub" || type === "static-stub") {
    const list =
      type === "forward"
        ? body.get("forwarders")
        : (body.get("primaries") ?? body.get("masters") ?? body.get("server-addresses"));
    const targets = addresses(list?.block);
    if (targets.length === 0) {
      ctx.log.aside(ctx.file, s.line, `zone '${name}'`, `a ${type} zone with no addresses: not modelled`);
      return;
    }
    if (type !== "forward")
      ctx.log.assume(
        `${type} zone '${name}'`,
        "a conditional forwarder to its servers",
        "none needed if they answer recursively",
      );
    ctx.draft.conditionalForwarders.push({ domain: name.toLowerCase().replace(/\.$/, ""), targets });
    return;
  }
  if (type !== "master" && type !== "primary" && type !== "slave" && type !== "secondary") {
    ctx.log.aside(ctx.file, s.line, `zone '${name}'`, `zone type '${type ?? "none"}' is not modelled`);
    return;
  }
  const z = zoneOf(ctx.draft, name);
  const path = body.get("file")?.words[1];
  const zoneFile = path ? ctx.read(path, ctx.directory) : undefined;
  if (!zoneFile) {
    ctx.log.assume(
      `zone '${name}' of ${ctx.file}`,
      "has no records (its zone file was not found)",
      "put the zone file beside named.conf, at the path its 'file' names",
    );
    return;
  }
  z.records.push(...readZoneFile(zoneFile.text, zoneFile.file, name, ctx.log));
}

function statements(list: Statement[], ctx: Context): void {
  for (const s of list) {
    const keyword = s.words[0]?.toLowerCase() ?? "";
    if (keyword === "options") options(s, ctx);
    else if (keyword === "zone") zone(s, ctx);
    else if (keyword === "view") {
      ctx.log.assume(
        `view '${s.words[1] ?? ""}' of ${ctx.file}`,
        "its zones serve every client (views are merged)",
        "give each view's zones as their own server",
      );
      statements(s.block ?? [], ctx);
    } else if (keyword === "include") {
      const included = ctx.depth < 8 ? ctx.read(s.words[1] ?? "", ctx.directory) : undefined;
      if (!included)
        ctx.log.problem(ctx.file, s.line, "a readable file after 'include'", JSON.stringify(s.words[1] ?? ""));
      else
        statements(parseNamedConf(included.text, included.file, ctx.log), {
          ...ctx,
          file: included.file,
          depth: ctx.depth + 1,
        });
    } else if (!IGNORED.has(keyword)) {
      ctx.log.aside(ctx.file, s.line, `statement '${keyword}'`, "not modelled by arclink");
    }
  }
}

/**
 * Reads a BIND 9 named.conf [BIND-ARM]: `options` (forwarders, recursion, listen-on),
 * `zone` statements — `type forward` with `forwarders` become conditional forwarders,
 * primary/secondary zones become local zones with the records of their zone files — and
 * `include`. Recursion is on unless `recursion no;` (BIND's default).
 *
 * @example
 * readNamedConf(text, "dc02/named.conf", (p) => undefined, log).conditionalForwarders
 */
export function readNamedConf(source: string, file: string, read: ReadRelative, log: ImportLog): DnsServerDraft {
  const draft = emptyDraft(file);
  statements(parseNamedConf(source, file, log), { draft, file, log, read, depth: 0 });
  if (draft.recursion === undefined) draft.recursion = true;
  return draft;
}
