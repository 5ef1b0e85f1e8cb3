// Every command and code block of README.md runs, in order, against a fresh `arclink up`
// (issue 9): the blocks are read from the README itself, so the two cannot drift.
//
// What differs from the README as written, and why:
// - `npm start` is the package.json start script with `--port 0`, in a fresh work
//   directory (its own `./.arclink`): a test must not take port 8443, which another run may
//   hold; `localhost:8443` in every later block becomes the port it got.
// - `<client id>`, `<secret>`, `CLIENT_ID`, `SECRET` become the service principal the fresh
//   instance printed, as the README says to.
// - the work directory's `bin/arclink.js` runs the repository's source (the checked-in
//   one runs the build in dist/, which may be older than the source under test).
// - az runs offline: its config directory gets the version-check cache az would write, and
//   a tripwire proxy refuses (and records) any request that is not for this machine.
// - a few commands do not run here; SKIPPED says why.
// A command is expected to exit 0, or the code its comment names (`# exit 1: ...`).
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import { type AzSandbox, startAzSandbox } from "./helpers/az.js";

const ROOT = resolve(import.meta.dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** Commands that do not run here, with the reason. */
const SKIPPED: Record<string, string> = {
  "npm install && npm start": "the checkout under test is installed (CI runs npm ci); npm start is the fresh instance",
  "npm test": "this test is part of npm test",
  "node scripts/run-tests.mjs oav": "runs the oav test files, which npm test runs itself",
};

interface Block {
  lang: string;
  text: string;
  heading: string;
  line: number;
}

/** The fenced code blocks of a Markdown text, with the heading above each. */
function codeBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split("\n");
  let heading = "";
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("#")) heading = lines[i].replace(/^#+\s*/, "");
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith("```"); i++) body.push(lines[i]);
    out.push({ lang: open[1], text: body.join("\n"), heading, line: start + 1 });
  }
  return out;
}

/** Shell commands of a block: a line ending in `\` continues on the next; blank and comment lines dropped. */
function commands(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    current += line;
    if (current.endsWith("\\")) {
      current += "\n";
      continue;
    }
    if (current.trim() !== "" && !current.trim().startsWith("#")) out.push(current);
    current = "";
  }
  return out;
}

const expectedExit = (command: string) => Number(/#\s*exit (\d+)/.exec(command)?.[1] ?? 0);
const withoutComment = (command: string) => command.replace(/\s+#[^'"]*$/, "").trim();

let work: string;
let server: ChildProcess | undefined;
let up: { port: string; clientId: string; secret: string; lines: string[] };
let az: AzSandbox;
const envFile = () => join(work, "readme-env.sh");

/** The README text with the fresh instance's port and credentials. */
function substitute(text: string): string {
  return text
    .replaceAll("localhost:8443", `localhost:${up.port}`)
    .replaceAll("<client id>", up.clientId)
    .replaceAll("<secret>", up.secret);
}

/** Runs one command in bash in the work directory, carrying the exported environment between commands. */
function runCommand(command: string): { code: number | null; stdout: string; stderr: string } {
  const script = [
    "set -a",
    `[ -f '${envFile()}' ] && . '${envFile()}'`,
    command,
    "rc=$?",
    `export -p | grep -Ev '^declare -[a-zA-Z]*r' > '${envFile()}.next'`,
    "exit $rc",
  ].join("\n");
  const { AZURE_CONFIG_DIR: _a, ...base } = process.env;
  const res = spawnSync("bash", ["-c", script], {
    cwd: work,
    encoding: "utf8",
    env: { ...base, ...az.env, AZURE_CONFIG_DIR: undefined, REQUESTS_CA_BUNDLE: base.REQUESTS_CA_BUNDLE },
    timeout: 240_000,
  });
  if (existsSync(`${envFile()}.next`)) cpSync(`${envFile()}.next`, envFile());
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Starts the package.json start script with --port 0 and reads its ready lines. */
async function startFresh(): Promise<void> {
  const start = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts
    .start;
  server = spawn("bash", ["-c", `exec ${start} --port 0`], { cwd: work, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr?.on("data", (d) => {
    stderr += d;
  });
  const lines: string[] = [];
  const reader = createInterface({ input: server.stdout! });
  const ready = new Promise<void>((done) => {
    reader.on("line", (l) => {
      lines.push(l);
      if (l.startsWith("Press Ctrl-C")) done();
    });
  });
  const exited = once(server, "exit").then(([code]) => {
    throw new Error(`${start} exited with ${code} before it was ready: ${stderr}`);
  });
  await Promise.race([ready, exited]);
  const value = (label: string) =>
    lines
      .find((l) => l.trimStart().startsWith(label))
      ?.split(/:\s+/)
      .slice(1)
      .join(": ");
  const arm = value("ARM endpoint") ?? "";
  up = {
    port: new URL(arm).port,
    clientId: value("Service principal") ?? "",
    secret: value("Secret") ?? "",
    lines,
  };
}

/** A README output line as a pattern: `<…>` is any word, `/…/` any path prefix. */
function linePattern(line: string): RegExp {
  const escaped = substitute(line)
    .trimEnd()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/<[^>]+>/g, "\\S+").replace(/\/…\//g, "/.*/")}$`);
}

describe("README.md, run as written against a fresh arclink up", () => {
  before(async () => {
    work = mkdtempSync(join(tmpdir(), "arclink-readme-"));
    for (const name of ["node_modules", "worlds", "scripts"]) symlinkSync(join(ROOT, name), join(work, name));
    cpSync(join(ROOT, "package.json"), join(work, "package.json"));
    mkdirSync(join(work, "bin"));
    writeFileSync(
      join(work, "bin", "arclink.js"),
      [
        "#!/usr/bin/env node",
        "// The README test's bin: the repository's CLI, from source.",
        'import { tsImport } from "tsx/esm/api";',
        `const { main } = await tsImport(${JSON.stringify(join(ROOT, "src/cli/main.ts"))}, import.meta.url);`,
        "await main(process.argv.slice(2));",
        "",
      ].join("\n"),
    );
    await startFresh();
    az = await startAzSandbox({ caBundle: join(work, ".arclink", "ca", "arclink-ca.crt") });
    // The az profile the README chooses ($PWD/.arclink/az), prepared as az would leave it.
    cpSync(az.configDir, join(work, ".arclink", "az"), { recursive: true });
  });

  after(async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGINT");
      await once(server, "exit");
    }
    await az?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const blocks = codeBlocks(README);
  test("the README has code blocks, each in a language this test runs", () => {
    assert.ok(blocks.length >= 8, `${blocks.length} blocks`);
    assert.deepEqual(
      blocks.filter((b) => !["sh", "js", ""].includes(b.lang)).map((b) => `line ${b.line}: ${b.lang}`),
      [],
    );
  });

  for (const block of blocks) {
    test(`${block.heading} (README line ${block.line}, ${block.lang || "output"})`, () => {
      if (block.lang === "") {
        // What `npm start` prints: every line of the README's sample, in order.
        let at = 0;
        for (const line of block.text.split("\n").filter((l) => l.trim() !== "")) {
          const pattern = linePattern(line);
          const found = up.lines.findIndex((l, i) => i >= at && pattern.test(l));
          assert.ok(found >= 0, `no line like ${JSON.stringify(line)} in:\n${up.lines.join("\n")}`);
          at = found + 1;
        }
        return;
      }
      if (block.lang === "js") {
        const file = join(work, `readme-${block.line}.mjs`);
        const prelude = `const CLIENT_ID = ${JSON.stringify(up.clientId)};\nconst SECRET = ${JSON.stringify(up.secret)};\n`;
        writeFileSync(file, prelude + substitute(block.text));
        const res = runCommand(`node ${file}`);
        assert.equal(res.code, 0, res.stderr);
        assert.match(res.stdout, /\/providers\/Microsoft\.HybridCompute\/privateLinkScopes\/scope1/);
        return;
      }
      for (const command of commands(block.text)) {
        const bare = withoutComment(command);
        if (SKIPPED[bare] !== undefined) continue;
        const res = runCommand(substitute(command));
        assert.equal(
          res.code,
          expectedExit(command),
          `${bare}\nexit ${res.code}\nstdout: ${res.stdout.slice(-2000)}\nstderr: ${res.stderr.slice(-2000)}`,
        );
      }
      assert.deepEqual(az.foreignRequests, [], "a README command tried to reach the internet");
    });
  }

  test("every skipped command is still in the README (the list cannot go stale)", () => {
    const all = blocks.flatMap((b) => (b.lang === "sh" ? commands(b.text).map(withoutComment) : []));
    assert.deepEqual(
      Object.keys(SKIPPED).filter((c) => !all.includes(c)),
      [],
    );
  });
});
