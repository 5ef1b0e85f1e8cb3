import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import {
  type BuildOptions,
  buildWorld,
  checkWorld,
  collectSources,
  ImportLog,
  readSiteFile,
  SourceError,
} from "../import/index.js";
import { writeJson } from "../verify/render-json.js";
import { renderText } from "../verify/render-text.js";
import { verifyWorld } from "../verify/verify-world.js";
import { formatWorld } from "../world-file/index.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { compareObservations, renderImportText, worldHeader } from "./import-report.js";

interface ImportFlags {
  out?: string;
  siteFile?: string;
  site?: string;
  sitePrefix: string[];
  vpn: string[];
  internet: boolean;
  resourceGroup?: string;
  subscription?: string;
  location?: string;
  format: string;
  verify?: boolean;
  json?: boolean;
  at?: string;
  region?: string;
  strict?: boolean;
}

const repeat = (v: string, all: string[]) => [...all, v];

function options(opts: ImportFlags): BuildOptions {
  const log = new ImportLog();
  let siteFile: BuildOptions["siteFile"];
  if (opts.siteFile) {
    let text: string;
    try {
      text = readFileSync(opts.siteFile, "utf8");
    } catch (error) {
      throw new UsageError(
        `Cannot read site file '${opts.siteFile}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      );
    }
    siteFile = readSiteFile(text, opts.siteFile, log);
    if (log.problems.length > 0) {
      throw new UsageError(
        `The site file '${opts.siteFile}' is not valid:\n${log.problems.map((p) => `${p.file}:${p.line}: expected ${p.expected}${p.found ? `, found ${p.found}` : ""}`).join("\n")}`,
      );
    }
  }
  return {
    ...(siteFile ? { siteFile, siteFileName: opts.siteFile } : {}),
    flags: {
      ...(opts.site ? { site: opts.site } : {}),
      sitePrefixes: opts.sitePrefix,
      vpn: opts.vpn,
      noInternet: !opts.internet,
      ...(opts.resourceGroup ? { resourceGroup: opts.resourceGroup } : {}),
      ...(opts.subscription ? { subscriptionId: opts.subscription } : {}),
      ...(opts.location ? { location: opts.location } : {}),
    },
  };
}

/**
 * `arclink import SOURCE…`: builds a world file from Azure exports, on-premises DNS server
 * configurations, hosts files and agent outputs (docs/import.md); with `--verify`, verifies
 * it at once. Exit 0 done, 1 verify found errors, 2 bad input (or, with --strict, any problem).
 */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description("build a world file from Azure exports, DNS server configurations, hosts files and agent outputs")
    .argument("<sources...>", "files or folders to read (docs/import.md lists the formats)")
    .option("--out <file>", "write the world file here (default: stdout, unless --verify or --json)")
    .option("--site-file <file>", "YAML: sites, VPNs, firewall, addresses the exports do not give (docs/import.md)")
    .option("--site <name>", "the site hosts and DNS servers go to when no site file places them")
    .option("--site-prefix <cidr>", "address prefix of that site (repeatable)", repeat, [])
    .option("--vpn <vnet>", "a VPN from that site to this vnet (name or id; repeatable)", repeat, [])
    .option("--no-internet", "that site has no internet breakout")
    .option(
      "--resource-group <name>",
      "resource group of on-premises resources and ARM template resources (default 'imported')",
    )
    .option("--subscription <id>", "their subscription (default the local tenant's)")
    .option("--location <region>", "region for resource groups and templates that do not say (default westeurope)")
    .option("--format <format>", "world file format: yaml or json", "yaml")
    .option("--verify", "verify the imported world (as `arclink verify --world`) and print the report")
    .option("--json", "print the import report (and the verify report) as JSON")
    .option("--at <iso>", "with --verify: verify at this time (default now)")
    .option("--region <name>", "with --verify: region for hosts with no machine resource", "westeurope")
    .option("--strict", "exit 2 if any input could not be read")
    .action(async (paths: string[], opts: ImportFlags) => {
      if (opts.format !== "yaml" && opts.format !== "json")
        throw new UsageError(`Invalid value for --format: '${opts.format}'. Expected 'yaml' or 'json'.`);
      const at = opts.at ? new Date(opts.at) : new Date();
      if (Number.isNaN(at.getTime()))
        throw new UsageError(`Invalid value for --at: '${opts.at}'. Expected an ISO 8601 time.`);
      let sources: ReturnType<typeof collectSources>;
      try {
        sources = collectSources(paths);
      } catch (error) {
        if (error instanceof SourceError) throw new UsageError(error.message);
        throw error;
      }
      const built = buildWorld(sources, options(opts));
      const checked = await checkWorld(built.entries, built.log);
      if (checked.entries.length === 0)
        throw new UsageError(
          `Nothing could be imported from ${paths.join(", ")}:\n${renderImportText(built, checked, built.log, undefined, [])}`,
        );
      const entries = checked.entries.map((e) => ({ id: e.id, ...e.body }));
      const worldText =
        opts.format === "json"
          ? formatWorld(entries, "json")
          : `${worldHeader(built, built.log)}${formatWorld(entries, "yaml")}`;
      if (opts.out) writeFileSync(opts.out, worldText);
      else if (!opts.verify && !opts.json) process.stdout.write(worldText);
      const report = opts.verify ? verifyWorld(checked.world, { now: at, defaultRegion: opts.region }) : undefined;
      const observations = report ? compareObservations(built, report) : [];
      const log = built.log;
      if (opts.json) {
        let verify: unknown;
        if (report) {
          let text = "";
          writeJson(report, opts.out ?? "import", (c) => {
            text += c;
          });
          verify = JSON.parse(text);
        }
        const body = {
          schemaVersion: 1,
          out: opts.out ?? null,
          resources: checked.entries.length,
          sources: built.sources,
          problems: log.problems,
          setAside: log.setAside,
          assumptions: log.assumptions,
          observations,
          ...(verify ? { verify } : {}),
          ...(!opts.out ? { world: entries } : {}),
        };
        process.stdout.write(`${JSON.stringify(body)}\n`);
      } else {
        const summary = renderImportText(built, checked, log, opts.out, observations);
        if (opts.out || opts.verify) process.stdout.write(summary);
        else process.stderr.write(summary);
        if (report) process.stdout.write(`\n${renderText(report, opts.out ?? "the imported world", false)}`);
      }
      if (opts.strict && log.problems.length > 0) process.exitCode = EXIT.BAD_INPUT;
      else process.exitCode = report?.findings.some((f) => f.severity === "error") ? EXIT.FINDINGS : EXIT.OK;
    });
}
