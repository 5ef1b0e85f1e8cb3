import { FINDINGS } from "../verify/findings-catalog.js";
import { LABS } from "./catalog.js";
import { PREVENTED_AT_WRITE_TIME } from "./prevented.js";

const INTRO = `# Labs

A lab is a world with one documented design mistake: the default world
(\`worlds/default.yaml\`, the reference topology of the Arc private link docs) changed in a
few resources. Each is a valid world — every resource passes the same ARM validation as a
REST call — so the mistake is one Azure would accept, and \`arclink verify\` must find it.

\`\`\`sh
arclink up --lab no-vpn          # start a server on the lab's world
arclink verify --lab no-vpn      # what is wrong, with the trace that proves it
arclink apply worlds/labs/no-vpn.yaml --data DIR   # or apply the file yourself
\`\`\`

The files \`worlds/labs/<name>.yaml\` and this page are generated from the catalogue in
\`src/labs/\` and the default world (\`npm run labs:generate\`); each file's header says what
is wrong, and a \`# LAB:\` comment marks every resource the lab changed or added. A test
checks the checked-in files match the generator, and the conformance suite
(\`test/labs.test.ts\`) applies every lab through the ARM handlers and checks what the
verifier says: every expected finding code, no code that the lab does not expect and the
default world does not already raise, and the expected rows of the verdict table
(host × endpoint → verdict).

Labs are applied at a fixed time (\`2026-01-01T00:00:00Z\`) and verified an hour later, when
every machine's association with its scope is effective (up to 15 minutes, facts §3.10) —
except \`association-pending\`, verified 5 minutes after.
`;

/**
 * The text of docs/labs.md, from the catalogue: an overview table, one section per lab
 * (what is wrong, what the verifier says, the fix) and the mistakes the API prevents.
 */
export function renderLabsDoc(): string {
  const out: string[] = [INTRO, "| lab | mistake | expected findings |", "| --- | --- | --- |"];
  for (const l of LABS) {
    const codes = l.expectedFindings.map((c) => `\`${c}\``).join(", ");
    out.push(`| [\`${l.name}\`](#${l.name}) | ${l.title} | ${codes} |`);
  }
  out.push("");
  for (const l of LABS) {
    out.push(`## \`${l.name}\``, "", `**${l.title}.** ${l.description}`, "");
    out.push(`**What is wrong.** ${l.mistake}`, "", "**What the verifier says.**", "");
    for (const c of l.expectedFindings) out.push(`- \`${c}\` (${FINDINGS[c].severity}): ${FINDINGS[c].title}.`);
    out.push("", "| host | endpoint | verdict |", "| --- | --- | --- |");
    for (const v of l.expectedVerdicts) out.push(`| ${v.host} | ${v.endpoint} | \`${v.verdict}\` |`);
    out.push("", `**Fix.** ${l.fix}`, "");
  }
  out.push(
    "## Prevented at write time",
    "",
    "Some documented mistakes cannot be a lab: the ARM API refuses them, as Azure does, so no world",
    "holds them. The conformance suite applies each to the default world and expects the error.",
    "",
    "| mistake | rule | refused with |",
    "| --- | --- | --- |",
  );
  for (const p of PREVENTED_AT_WRITE_TIME) out.push(`| ${p.mistake} | ${p.rule} | \`${p.errorCode}\` |`);
  out.push("");
  return out.join("\n");
}
