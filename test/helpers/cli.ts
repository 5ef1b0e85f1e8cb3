import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

const ENTRY = ["--import", "tsx", "src/cli/main.ts"];

/** Runs `arclink ARGS` to completion. */
export function arclink(args: string[], options: { cwd?: string; input?: string } = {}) {
  const res = spawnSync(process.execPath, [...ENTRY, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: "utf8",
    input: options.input,
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Starts `arclink up ARGS --json` and resolves with the ready line once it is printed. */
export async function arclinkUp(args: string[]): Promise<{ child: ChildProcess; ready: Record<string, any> }> {
  const child = spawn(process.execPath, [...ENTRY, "up", "--json", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const lines = createInterface({ input: child.stdout! });
  const first = once(lines, "line");
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`arclink up exited with ${code} before it was ready: ${stderr}`);
  });
  const [line] = (await Promise.race([first, exited])) as [string];
  return { child, ready: JSON.parse(line) };
}

/** Sends SIGINT and resolves with the exit code. */
export async function stop(child: ChildProcess): Promise<number | null> {
  child.kill("SIGINT");
  const [code] = await once(child, "exit");
  return code as number | null;
}
