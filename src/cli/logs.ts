import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { AuditEntry } from "../fabric/audit/index.js";
import { auditPath } from "../fabric/fabric.js";
import { UsageError } from "./exit-codes.js";

interface LogsOptions {
  data: string;
  host?: string;
  follow?: boolean;
  json?: boolean;
}

/** Whether an entry is about `host`: a host id, its last name segment, a world or realized address. */
export function entryMatchesHost(e: AuditEntry, host: string): boolean {
  const h = host.toLowerCase();
  const id = e.source?.host?.toLowerCase();
  return (
    id === h ||
    (id?.endsWith(`/${h}`) ?? false) ||
    e.source?.address === host ||
    e.source?.realized === host ||
    e.machineId?.toLowerCase().endsWith(`/${h}`) === true
  );
}

/** One line per entry: time, kind, who → what, outcome, reason. */
export function formatEntry(e: AuditEntry): string {
  const who = e.source?.host?.split("/").at(-1) ?? e.source?.address ?? e.machineId?.split("/").at(-1) ?? "-";
  const where = e.destination?.address ? ` @${e.destination.address}` : "";
  const via = e.via ? ` via ${e.via.split("/").at(-1)}` : "";
  const what = e.serverName ? ` → ${e.serverName}${where}` : "";
  const result = [e.outcome, e.action, e.status].filter((x) => x !== undefined).join(" ");
  return `${e.at}  ${e.kind.padEnd(10)} ${who}${via}${what}  ${result}${result ? ": " : ""}${e.reason}`;
}

/** `arclink logs`: the live fabric's audit log of a data directory. */
export function registerLogs(program: Command): void {
  program
    .command("logs")
    .description("print the gateway's audit log: every connection decision with its reason (and trace in --json)")
    .option("--data <dir>", "data directory of a running or past `arclink up`", ".arclink")
    .option("--host <host>", "only entries of this host (id, name, world or realized address)")
    .option("-f, --follow", "keep printing new entries")
    .option("--json", "one JSON object per line, with the trace")
    .action(async (opts: LogsOptions) => {
      const path = auditPath(resolve(opts.data));
      if (!existsSync(path))
        throw new UsageError(`No audit log in '${resolve(opts.data)}': start 'arclink up --data ${opts.data}' first.`);
      let offset = 0;
      let rest = "";
      const drain = () => {
        const size = statSync(path).size;
        if (size < offset) offset = 0;
        if (size === offset) return;
        const fd = openSync(path, "r");
        const buf = Buffer.alloc(size - offset);
        readSync(fd, buf, 0, buf.length, offset);
        closeSync(fd);
        offset = size;
        const lines = (rest + buf.toString("utf8")).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue;
          let e: AuditEntry;
          try {
            e = JSON.parse(line) as AuditEntry;
          } catch {
            continue;
          }
          if (opts.host && !entryMatchesHost(e, opts.host)) continue;
          process.stdout.write(`${opts.json ? line : formatEntry(e)}\n`);
        }
      };
      drain();
      if (!opts.follow) return;
      await new Promise<void>((done) => {
        const timer = setInterval(drain, 200);
        const stop = () => {
          clearInterval(timer);
          done();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
