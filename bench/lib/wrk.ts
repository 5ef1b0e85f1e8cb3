// wrk (Debian's native HTTP load generator) for the benchmarks: installed if missing, run
// without blocking the event loop (servers under test may live in this process), its
// report parsed. Optionally inside a private mount namespace whose /etc/hosts maps a name
// to an address (wrk takes SNI and Host from the URL, and binds no source address).
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function ensureWrk(): void {
  if (spawnSync("wrk", ["--version"]).error) {
    const r = spawnSync("apt-get", ["install", "-y", "wrk"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("wrk is not installed and apt-get install wrk failed");
  }
}

export interface WrkOptions {
  url: string;
  threads?: number;
  connections: number;
  /** Duration; a `script` may stop earlier (wrk.thread:stop()). */
  seconds: number;
  headers?: Record<string, string>;
  /** A Lua script for wrk (request/response hooks), written to a temporary file. */
  script?: string;
  /** `name → address` lines for /etc/hosts, seen only by wrk (private mount namespace). */
  hosts?: Record<string, string>;
  /** Run until this many responses (the script's `numberedRequests(…, total)` exits wrk), timed here. */
  total?: number;
  /** Processes whose CPU time (user + system, from /proc) is divided by the requests. */
  cpuOf?: number[];
}

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: string;
  p99: string;
  /** Non-2xx/3xx responses plus socket errors. */
  errors: number;
  /** wrk's own report, for the error message. */
  report: string;
  /** CPU microseconds per request of the `cpuOf` processes (NaN without them). */
  cpuUs: number;
}

function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ stdout, stderr, code }));
  });
}

/** CPU time (µs) a process has used: utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms. */
export function processCpuUs(pid: number): number {
  if (pid === process.pid) {
    const u = process.cpuUsage();
    return u.user + u.system;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * One wrk run; throws when wrk fails or answers nothing.
 *
 * @example
 * const r = await runWrk({ url: "https://localhost:8443/", connections: 16, seconds: 5 });
 * r.rps; // 23000
 */
export async function runWrk(o: WrkOptions): Promise<WrkResult> {
  const files: string[] = [];
  const temp = (name: string, text: string) => {
    const path = join(tmpdir(), `arclink-bench-${process.pid}-${files.length}-${name}`);
    writeFileSync(path, text);
    files.push(path);
    return path;
  };
  // A slow answer on a loaded machine is a slow answer, not an error: 10 s before wrk gives up.
  const args = [
    `-t${o.total ? 1 : (o.threads ?? 2)}`,
    `-c${o.connections}`,
    `-d${o.seconds}s`,
    "--timeout",
    "10s",
    "--latency",
  ];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push("-H", `${k}: ${v}`);
  if (o.script) args.push("-s", temp("script.lua", o.script));
  args.push(o.url);
  const cpu0 = (o.cpuOf ?? []).map(processCpuUs);
  let r: Awaited<ReturnType<typeof run>>;
  const t0 = performance.now();
  try {
    if (o.hosts) {
      const lines = Object.entries(o.hosts).map(([name, address]) => `${address} ${name}`);
      const hosts = temp("hosts", `127.0.0.1 localhost\n${lines.join("\n")}\n`);
      const cmd = `mount --bind ${quote(hosts)} /etc/hosts && exec wrk ${args.map(quote).join(" ")}`;
      r = await run("unshare", ["--mount", "sh", "-c", cmd]);
    } else r = await run("wrk", args);
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = (o.cpuOf ?? []).reduce((sum, pid, i) => sum + processCpuUs(pid) - cpu0[i], 0);
  if (o.total) {
    // wrk exited from the script: no report; the time is this process's wall clock around it.
    if (r.code !== 0 && r.code !== 3) throw new Error(`wrk failed (exit ${r.code}): ${r.stdout}${r.stderr}`);
    const failed = r.code === 3 ? 1 : 0;
    const cpuUs = o.cpuOf?.length ? cpu / o.total : Number.NaN;
    return {
      requests: o.total,
      seconds: wall,
      rps: o.total / wall,
      p50: "—",
      p99: "—",
      errors: failed,
      report: "",
      cpuUs,
    };
  }
  const done = /(\d+) requests in ([\d.]+)(ms|s|m|h),/.exec(r.stdout);
  const requests = Number(done?.[1] ?? Number.NaN);
  const seconds = Number(done?.[2] ?? Number.NaN) * ({ ms: 0.001, s: 1, m: 60, h: 3600 }[done?.[3] ?? "s"] ?? 1);
  if (!(requests > 0)) throw new Error(`wrk failed (exit ${r.code}): ${r.stdout}${r.stderr}`);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(r.stdout);
  const socketErrors = socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0;
  return {
    requests,
    seconds,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1] ?? requests / seconds),
    p50: /50%\s+([\d.]+\w+)/.exec(r.stdout)?.[1] ?? "?",
    p99: /99%\s+([\d.]+\w+)/.exec(r.stdout)?.[1] ?? "?",
    errors: non2xx + socketErrors,
    report: r.stdout,
    cpuUs: o.cpuOf?.length ? cpu / requests : Number.NaN,
  };
}

/**
 * A wrk Lua script: each thread numbers its requests (`id` is the thread's index), builds
 * each with `request(id, n)` (Lua source returning `wrk.format(...)`; `headers` holds the
 * command line's `-H` headers plus a JSON content type, as a headers table given to
 * `wrk.format` replaces them). With `total`, wrk exits after that many responses (exit 3
 * if any failed): give it to `runWrk`'s `total`, which runs one thread and times the run.
 */
export function numberedRequests(requestLua: string, total?: number): string {
  return `
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local n = 0
local answered = 0
local headers = nil
function request()
  if not headers then
    headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["Content-Type"] = "application/json"
  end
  n = n + 1
  return (function(id, n) ${requestLua} end)(id, n)
end
local failed = 0
function response(status, headers, body)
  answered = answered + 1
  if status >= 300 then failed = failed + 1 end
  ${total ? `if answered >= ${total} then os.exit(failed > 0 and 3 or 0) end` : ""}
end
`;
}
