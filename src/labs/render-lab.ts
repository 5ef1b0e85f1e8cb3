import { Document, isSeq } from "yaml";
import type { Lab } from "./lab-types.js";
import { LabWorld } from "./lab-world.js";

/** Where every lab starts, relative to the repository root. */
export const BASE_WORLD = "worlds/default.yaml";

/** Minutes after applying at which a lab is verified unless it says otherwise (facts §3.10: 15 suffice). */
export const DEFAULT_VERIFY_AFTER_MINUTES = 60;

function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The lab's world: the base world text changed by the lab's patch. */
export function labWorld(lab: Lab, baseText: string): LabWorld {
  const world = LabWorld.parse(baseText, BASE_WORLD);
  lab.patch(world);
  return world;
}

/**
 * The text of `worlds/labs/<name>.yaml`: a header saying what is wrong and what the
 * verifier must find, then the base world's entries as the patch left them, each
 * changed or added entry under a `# LAB:` comment.
 *
 * @example
 * writeFileSync(labPath(lab.name), renderLab(lab, readFileSync(BASE_WORLD, "utf8")));
 */
export function renderLab(lab: Lab, baseText: string): string {
  const world = labWorld(lab, baseText);
  const doc = worldDocument(world);
  const header = [
    `Lab "${lab.name}": ${lab.title}`,
    `Generated from ${BASE_WORLD} by src/labs (npm run labs:generate): edit src/labs, not this file.`,
    "",
    ...wrap(lab.description),
    "",
    ...wrap(`Mistake: ${lab.mistake}`),
    ...wrap(`Fix: ${lab.fix}`),
    `Expected findings: ${lab.expectedFindings.join(", ") || "none"}`,
    ...(lab.verifyAfterMinutes !== undefined
      ? [`Verify ${lab.verifyAfterMinutes} minutes after applying (the clock matters in this lab).`]
      : []),
    ...(world.removed.length > 0
      ? ["Removed from the default world:", ...world.removed.map((r) => `  ${r.id}: ${r.note}`)]
      : []),
  ];
  doc.commentBefore = header.map((l) => (l ? ` ${l}` : "")).join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** A lab world as a YAML document: its entries in order, each note as a `# LAB:` comment. */
function worldDocument(world: LabWorld): Document {
  // No anchors/aliases: a world file lists every value where it is used.
  const doc = new Document(
    world.entries.map((e) => e.raw),
    { aliasDuplicateObjects: false },
  );
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((node, i) => {
      const note = world.entries[i].note;
      if (note && node && typeof node === "object")
        (node as { commentBefore?: string }).commentBefore = ` LAB: ${note}`;
    });
  }
  return doc;
}

/** A lab world as world-file text (YAML), without a header. */
export function renderWorld(world: LabWorld): string {
  return worldDocument(world).toString({ lineWidth: 0 });
}
