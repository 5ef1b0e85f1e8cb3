import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:https";
import { createInterface } from "node:readline";

/** Spawns a process that prints one JSON line when ready; resolves with it. */
export async function spawnReady(args: string[]): Promise<{ child: ChildProcess; ready: Record<string, any> }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return { child, ready: JSON.parse(line) };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  child.kill("SIGINT");
  await once(child, "exit");
}

/** Polls `url` until it answers 200; resolves with the milliseconds since `since`. */
export async function untilHealthy(url: string, ca: Buffer, since: bigint): Promise<number> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      request(url, { ca }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
        .on("error", () => resolve(false))
        .end();
    });
    if (ok) return Number(process.hrtime.bigint() - since) / 1e6;
    await new Promise((r) => setTimeout(r, 5));
  }
}
