import type { Command } from "commander";
import { diffFindings, diffVerdicts } from "../verify/diff.js";
import { diffJson, writeJson } from "../verify/render-json.js";
import { renderDiffText, renderText } from "../verify/render-text.js";
import { verifyWorld } from "../verify/verify-world.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { type CliWorldSource, loadCliWorld, sourceOf } from "./world-source.js";

interface VerifyFlags {
  world?: string;
  lab?: string;
  data?: string;
  host: string[];
  json?: boolean;
  at?: string;
  region?: string;
  before?: string;
  after?: string;
}

function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(`Invalid value for --at: '${value}'. Expected an ISO 8601 time such as 2026-01-01T00:05:00Z.`);
  }
  return at;
}

/** The one world source of `--world`, `--lab` or `--data` (default `.arclink`); more than one is a usage error. */
export function chosenSource(opts: Pick<VerifyFlags, "world" | "lab" | "data">): CliWorldSource {
  const given = (["world", "lab", "data"] as const).filter((k) => opts[k] !== undefined);
  if (given.length > 1)
    throw new UsageError(`Give only one of --world, --lab and --data (got ${given.map((g) => `--${g}`).join(", ")}).`);
  if (opts.world !== undefined) return { kind: "world", path: opts.world };
  if (opts.lab !== undefined) return { kind: "lab", name: opts.lab };
  return { kind: "data", dir: opts.data ?? ".arclink" };
}

const write = (chunk: string) => process.stdout.write(chunk);

async function runDiff(opts: VerifyFlags, at: Date | undefined): Promise<number> {
  if (!opts.before || !opts.after) throw new UsageError("--before and --after go together: give both.");
  if (opts.world ?? opts.lab ?? opts.data) throw new UsageError("--before/--after replace --world, --lab and --data.");
  const [a, b] = [loadCliWorld(sourceOf(opts.before)), loadCliWorld(sourceOf(opts.after))];
  const now = at ?? b.suggestedNow ?? new Date();
  const options = { now, hosts: opts.host, defaultRegion: opts.region };
  const before = verifyWorld(a.world, options);
  const after = verifyWorld(b.world, options);
  const changes = diffVerdicts(before.verdicts, after.verdicts);
  const findings = diffFindings(before.findings, after.findings);
  write(
    opts.json
      ? diffJson(changes, findings, a.label, b.label, now)
      : renderDiffText(changes, findings, a.label, b.label),
  );
  return findings.introduced.some((f) => f.severity === "error") ? EXIT.FINDINGS : EXIT.OK;
}

/**
 * `arclink verify`: every host × endpoint verdict with its trace, findings with stable
 * codes, and the no-exfiltration proof (docs/verify.md). Exit 0 clean, 1 when a finding
 * of error severity is reported, 2 on bad input.
 */
export function registerVerify(program: Command): void {
  program
    .command("verify")
    .description("predict every host × endpoint connection, report findings and the no-exfiltration proof")
    .option("--world <file>", "verify a world file (validated by the same providers as apply)")
    .option("--lab <name>", "verify a lab's world (worlds/labs/<name>.yaml; 'default' is worlds/default.yaml)")
    .option("--data <dir>", "verify the live state of a data directory (default .arclink)")
    .option(
      "--host <host>",
      "only this host (id, site/host or name); repeatable",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--json", "print the report as JSON (schema in docs/verify.md)")
    .option("--at <iso>", "verify at this time (default: now; a lab's own time for --lab)")
    .option("--region <name>", "region for hosts with no machine resource", "westeurope")
    .option("--before <world>", "diff: the world before (a world file, or a lab name)")
    .option("--after <world>", "diff: the world after (a world file, or a lab name)")
    .action(async (opts: VerifyFlags) => {
      const at = parseAt(opts.at);
      if (opts.before !== undefined || opts.after !== undefined) {
        process.exitCode = await runDiff(opts, at);
        return;
      }
      const loaded = loadCliWorld(chosenSource(opts));
      const now = at ?? loaded.suggestedNow ?? new Date();
      const report = verifyWorld(loaded.world, { now, hosts: opts.host, defaultRegion: opts.region });
      if (opts.host.length > 0 && report.hosts.length === 0) {
        throw new UsageError(
          `No host with an agent matches ${opts.host.map((h) => `'${h}'`).join(", ")} in ${loaded.label}.`,
        );
      }
      if (opts.json) writeJson(report, loaded.label, write);
      else write(renderText(report, loaded.label, opts.host.length > 0));
      process.exitCode = report.findings.some((f) => f.severity === "error") ? EXIT.FINDINGS : EXIT.OK;
    });
}
