// The import benchmark (issue 14): `arclink import` of an estate of 10,000 hosts, 1,000
// vnets and 50 DNS servers (bench/lib/estate-files.ts), then verify — against a baseline
// in the same command: `arclink verify --world` of the world file that import wrote
// (parse, apply through the rules, verify) — the same end state without reading exports.
// Each measure runs in its own child process so its peak RSS is its own.
// Run: npm run bench:import   (node --import tsx bench/import.ts [--hosts N --vnets N --dns N])
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCliWorld } from "../src/cli/world-source.js";
import { buildWorld, checkWorld, collectSources, ImportLog, readSiteFile } from "../src/import/index.js";
import { verifyWorld } from "../src/verify/index.js";
import { formatWorld } from "../src/world-file/index.js";
import { writeEstate } from "./lib/estate-files.js";

const NOW = new Date("2026-01-01T01:00:00Z");
const MiB = 1024 * 1024;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

interface Result {
  mode: string;
  totalMs: number;
  /** CPU time of the process (user + system): the machine is shared, wall time varies with load. */
  cpuMs: number;
  stages: Record<string, number>;
  resources: number;
  rows: number;
  findings: number;
  peakRssMiB: number;
}

const cpuAtStart = process.cpuUsage();
const cpuMs = () => {
  const u = process.cpuUsage(cpuAtStart);
  return Math.round((u.user + u.system) / 1000);
};

async function runImport(root: string, out: string): Promise<Result> {
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  let t = t0;
  let cpu = cpuMs();
  const lap = (name: string) => {
    const now = performance.now();
    const c = cpuMs();
    stages[`${name} (wall)`] = Math.round(now - t);
    stages[`${name} (CPU)`] = c - cpu;
    t = now;
    cpu = c;
  };
  const { sources, siteFile } = JSON.parse(readFileSync(join(root, "layout.json"), "utf8")) as {
    sources: string[];
    siteFile: string;
  };
  const files = collectSources(sources);
  lap("read files");
  const siteLog = new ImportLog();
  const site = readSiteFile(readFileSync(siteFile, "utf8"), siteFile, siteLog);
  const built = buildWorld(files, { siteFile: site, siteFileName: siteFile });
  lap("parse + build");
  const checked = await checkWorld(built.entries, built.log);
  lap("apply (rules)");
  writeFileSync(
    out,
    formatWorld(
      checked.entries.map((e) => ({ id: e.id, ...e.body })),
      "yaml",
    ),
  );
  lap("write world file");
  const report = verifyWorld(checked.world, { now: NOW });
  lap("verify");
  if (built.log.problems.length > 0 || built.log.setAside.length > 0)
    throw new Error(`unexpected: ${JSON.stringify([built.log.problems.slice(0, 3), built.log.setAside.slice(0, 3)])}`);
  return {
    mode: "import",
    totalMs: Math.round(performance.now() - t0),
    cpuMs: cpuMs(),
    stages,
    resources: checked.entries.length,
    rows: report.verdicts.length,
    findings: report.findings.length,
    peakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
  };
}

async function runBaseline(worldFile: string): Promise<Result> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const { world } = loadCliWorld({ kind: "world", path: worldFile });
  const t1 = performance.now();
  const c1 = cpuMs();
  const report = verifyWorld(world, { now: NOW });
  const t2 = performance.now();
  const c2 = cpuMs();
  return {
    mode: "verify --world",
    totalMs: Math.round(t2 - t0),
    cpuMs: cpuMs(),
    stages: {
      "parse + apply (rules) (wall)": Math.round(t1 - t0),
      "parse + apply (rules) (CPU)": c1 - c0,
      "verify (wall)": Math.round(t2 - t1),
      "verify (CPU)": c2 - c1,
    },
    resources: world.all().length,
    rows: report.verdicts.length,
    findings: report.findings.length,
    peakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
  };
}

function child(args: string[]): Result {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/import.ts", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * MiB,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const mode = process.argv[2];
if (mode === "--child-import") {
  process.stdout.write(`${JSON.stringify(await runImport(process.argv[3], process.argv[4]))}\n`);
} else if (mode === "--child-baseline") {
  process.stdout.write(`${JSON.stringify(await runBaseline(process.argv[3]))}\n`);
} else {
  const size = { hosts: arg("hosts", 10_000), vnets: arg("vnets", 1_000), dnsServers: arg("dns", 50) };
  const root = mkdtempSync(join(tmpdir(), "arclink-bench-import-"));
  try {
    let t = performance.now();
    const layout = writeEstate(root, size);
    writeFileSync(join(root, "layout.json"), JSON.stringify(layout));
    const files = spawnSync("find", [root, "-type", "f"], { encoding: "utf8", maxBuffer: 64 * MiB })
      .stdout.trim()
      .split("\n").length;
    const bytes = spawnSync("du", ["-sb", root], { encoding: "utf8" }).stdout.split("\t")[0];
    console.log(
      `estate: ${size.hosts} hosts, ${size.vnets} vnets, ${size.dnsServers} DNS servers: ${files} files, ${(Number(bytes) / MiB).toFixed(1)} MiB (written in ${Math.round(performance.now() - t)} ms)`,
    );
    const out = join(root, "world.yaml");
    t = performance.now();
    const imported = child(["--child-import", root, out]);
    console.log(`import + verify: ${JSON.stringify(imported)}`);
    console.log(`world file: ${(statSync(out).size / MiB).toFixed(1)} MiB`);
    const baseline = child(["--child-baseline", out]);
    console.log(`baseline verify --world: ${JSON.stringify(baseline)}`);
    console.log(
      `ratio import+verify / verify --world: ${(imported.totalMs / baseline.totalMs).toFixed(2)} (target: import + verify < 10 s, < 1 GiB)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
