// Imports a folder of exports the way `arclink import` does and reduces verify reports to
// what must agree between an original world and its import: verdict rows and findings.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createApp } from "../../src/arm/app.js";
import type { Registry } from "../../src/arm/providers/index.js";
import { buildWorld, checkWorld, collectSources, ImportLog, readSiteFile } from "../../src/import/index.js";
import { Store } from "../../src/store/index.js";
import { verifyWorld } from "../../src/verify/verify-world.js";
import type { World } from "../../src/world/index.js";

export const VERIFY_AT = new Date("2026-01-01T01:00:00Z");

export async function registry(): Promise<Registry> {
  const store = new Store({ inMemory: true });
  try {
    return (await createApp({ store })).env.registry;
  } finally {
    store.close();
  }
}

/** Writes files (relative path → text) under a new temporary folder; returns it. */
export function writeTree(files: Map<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "arclink-import-"));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** `arclink import SOURCES --site-file SITE` in process: the checked world and the log. */
export async function importEstate(sources: string[], siteFilePath: string, siteText: string) {
  const siteLog = new ImportLog();
  const siteFile = readSiteFile(siteText, siteFilePath, siteLog);
  if (siteLog.problems.length > 0) throw new Error(JSON.stringify(siteLog.problems));
  const built = buildWorld(collectSources(sources), { siteFile, siteFileName: siteFilePath });
  const checked = await checkWorld(built.entries, built.log);
  return { ...checked, log: built.log, built };
}

/** Every verdict row and finding of a world, keyed so two worlds compare with deepEqual. */
export function verdictsOf(world: World) {
  const report = verifyWorld(world, { now: VERIFY_AT });
  return {
    rows: report.verdicts
      .map((v) =>
        [
          v.hostId.toLowerCase(),
          v.endpoint,
          v.verdict,
          v.route,
          v.address ?? "",
          (v.privateEndpointId ?? "").toLowerCase(),
          (v.scopeId ?? "").toLowerCase(),
        ].join(" "),
      )
      .sort(),
    findings: report.findings
      .map((f) =>
        [f.code, (f.hostId ?? "").toLowerCase(), f.endpoint ?? "", (f.resourceId ?? "").toLowerCase()].join(" "),
      )
      .sort(),
    proof: report.proof.holds,
  };
}
