import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LABS, labPath } from "./catalog.js";
import { renderLabsDoc } from "./render-docs.js";
import { BASE_WORLD, renderLab } from "./render-lab.js";

/** The repository's `worlds/default.yaml`. */
export const BASE_WORLD_PATH = fileURLToPath(new URL(`../../${BASE_WORLD}`, import.meta.url));

/** docs/labs.md. */
export const LABS_DOC_PATH = fileURLToPath(new URL("../../docs/labs.md", import.meta.url));

/** Every generated file's path and text: each lab's world file, and docs/labs.md. */
export function generateLabs(baseText = readFileSync(BASE_WORLD_PATH, "utf8")): { path: string; text: string }[] {
  return [
    ...LABS.map((lab) => ({ path: labPath(lab.name), text: renderLab(lab, baseText) })),
    { path: LABS_DOC_PATH, text: renderLabsDoc() },
  ];
}

/** Lab files whose checked-in text differs from the generator's (missing files included). */
export function staleLabFiles(): string[] {
  return generateLabs()
    .filter(({ path, text }) => {
      try {
        return readFileSync(path, "utf8") !== text;
      } catch {
        return true;
      }
    })
    .map((f) => f.path);
}

// `node --import tsx src/labs/generate-labs.ts [--check]` (npm run labs:generate).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--check")) {
    const stale = staleLabFiles();
    for (const p of stale) process.stderr.write(`stale: ${p}\n`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const { path, text } of generateLabs()) writeFileSync(path, text);
  process.stdout.write(`Wrote ${LABS.length} labs to worlds/labs/ and docs/labs.md.\n`);
}
