// The DNS benchmark (issue 10): dnsperf against arclink's live DNS plane and against
// dnsmasq and unbound serving the same records, on this machine, in one run. The peers are
// started here on 127.255.x.x (never handed out by the realization); nothing leaves loopback.
//   cached:    "gbl.privatelink.his.arc.azure.com A" again and again (an A record from memory)
//   forwarded: distinct names under privatelink.his.arc.azure.com, so every query misses the
//              cache: arclink's dc01 runs resolve through its conditional forwarder to the
//              inbound endpoint; dnsmasq and unbound forward to an upstream dnsmasq that is
//              authoritative for the zone.
// Each server is measured ROUNDS times, interleaved, and the median kept: throughput with
// dnsperf -l SECONDS, then latency percentiles at a fixed rate (-Q) from dnsperf -v. The
// server's own CPU time per answered cached query (from /proc/PID/stat, user + system) is
// less sensitive to other load on the machine than queries per second.
// arclink runs as `arclink up` runs it: one process, UDP answered by the native fast path
// (2 threads, recvmmsg/sendmmsg) from answers JavaScript installed, misses in JavaScript.
// Run: npm run bench:dns   (node --import tsx bench/dns.ts [--quick])
// Needs: apt-get install -y dnsperf dnsmasq-base unbound (the script installs them if missing).
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { spawnReady, stopChild } from "./lib/processes.js";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 1 : 3;
const SECONDS = quick ? 3 : 5;
const LATENCY_QPS = 5000;
const dir = mkdtempSync(join(tmpdir(), "arclink-dns-bench-"));

function ensureTools() {
  const missing = ["dnsperf", "dnsmasq", "unbound"].filter((t) => spawnSync("which", [t]).status !== 0);
  if (missing.length === 0) return;
  execFileSync("apt-get", ["install", "-y", "-qq", "dnsperf", "dnsmasq-base", "unbound"], { stdio: "inherit" });
}

const PEERS = {
  dnsmasq: { address: "127.255.1.1", port: 5301 },
  unbound: { address: "127.255.2.1", port: 5302 },
  upstream: { address: "127.255.3.1", port: 5303 },
};

function dnsmasqConf(name: string, at: { address: string; port: number }, extra: string[]): string {
  const path = join(dir, `${name}.conf`);
  writeFileSync(
    path,
    [
      `port=${at.port}`,
      `listen-address=${at.address}`,
      "bind-interfaces",
      "no-resolv",
      "no-hosts",
      "cache-size=10000",
      "dns-forward-max=1000",
      "host-record=gbl.privatelink.his.arc.azure.com,10.10.1.4",
      ...extra,
    ].join("\n"),
  );
  return path;
}

function unboundConf(): string {
  const path = join(dir, "unbound.conf");
  const u = PEERS.unbound;
  writeFileSync(
    path,
    `server:
  interface: ${u.address}
  port: ${u.port}
  num-threads: 2
  so-reuseport: yes
  access-control: 127.0.0.0/8 allow
  do-daemonize: no
  chroot: ""
  username: ""
  directory: "${dir}"
  pidfile: ""
  use-syslog: no
  verbosity: 0
  do-not-query-localhost: no
  module-config: "iterator"
  qname-minimisation: no
  msg-cache-size: 64m
  rrset-cache-size: 128m
  local-zone: "his.arc.azure.com." transparent
  local-data: "gbl.his.arc.azure.com. 300 IN CNAME gbl.privatelink.his.arc.azure.com."
  local-data: "gbl.privatelink.his.arc.azure.com. 10 IN A 10.10.1.4"
forward-zone:
  name: "privatelink.his.arc.azure.com."
  forward-addr: ${PEERS.upstream.address}@${PEERS.upstream.port}
`,
  );
  return path;
}

function start(cmd: string, args: string[]): ChildProcess {
  return spawn(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
}

async function until(address: string, port: number, from?: string) {
  for (let i = 0; i < 100; i++) {
    const bind = from ? ["-b", from] : [];
    const r = spawnSync("dig", [
      "+time=1",
      "+tries=1",
      "+short",
      ...bind,
      "-p",
      String(port),
      `@${address}`,
      "gbl.privatelink.his.arc.azure.com",
    ]);
    if (String(r.stdout).includes("10.10.1.4")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${address}:${port} never answered gbl.privatelink.his.arc.azure.com`);
}

interface Target {
  name: string;
  address: string;
  port: number;
  from?: string;
  pid?: number;
}

/** CPU seconds (user + system) a process has used so far: fields 14 and 15 of /proc/PID/stat, in clock ticks. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}

function dnsperfQps(t: Target, file: string): { qps: number; lost: number; cpuUsPerQuery: number } {
  const args = ["-s", t.address, "-p", String(t.port), "-d", file, "-l", String(SECONDS), "-c", "4", "-q", "200"];
  if (t.from) args.push("-a", t.from);
  const cpu = cpuSeconds(t.pid);
  const out = execFileSync("dnsperf", args, { encoding: "utf8" });
  const used = cpuSeconds(t.pid) - cpu;
  const qps = Number(/Queries per second:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const lost = Number(/Queries lost:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const completed = Number(/Queries completed:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { qps, lost, cpuUsPerQuery: completed ? (used * 1e6) / completed : 0 };
}

async function dnsperfLatency(
  t: Target,
  file: string,
): Promise<{ p50: number; p90: number; p99: number; p999: number }> {
  const args = ["-s", t.address, "-p", String(t.port), "-d", file, "-l", "3", "-Q", String(LATENCY_QPS), "-v"];
  if (t.from) args.push("-a", t.from);
  const child = spawn("dnsperf", args, { stdio: ["ignore", "pipe", "ignore"] });
  const samples: number[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith("> ")) samples.push(Number(line.slice(line.lastIndexOf(" ") + 1)) * 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  ensureTools();
  const cached = join(dir, "cached.txt");
  // The A record itself: unbound does not chase a local-data CNAME, so the CNAME name would not compare like with like.
  writeFileSync(cached, "gbl.privatelink.his.arc.azure.com A\n");
  // Distinct names per run (each server, round and pass), so no forwarded query is answered from a cache.
  const distinct = quick ? 200_000 : 600_000;
  let pass = 0;
  const forwardedFile = () => {
    const file = join(dir, `forwarded-${++pass}.txt`);
    const names = Array.from({ length: distinct }, (_, i) => `p${pass}-n${i}.privatelink.his.arc.azure.com A\n`);
    writeFileSync(file, names.join(""));
    return file;
  };

  const children: ChildProcess[] = [
    start("dnsmasq", [
      "-k",
      "-u",
      "root",
      "-C",
      dnsmasqConf("upstream", PEERS.upstream, ["local=/privatelink.his.arc.azure.com/"]),
      `--pid-file=${join(dir, "u.pid")}`,
    ]),
    start("dnsmasq", [
      "-k",
      "-u",
      "root",
      "-C",
      dnsmasqConf("dnsmasq", PEERS.dnsmasq, [
        "cname=gbl.his.arc.azure.com,gbl.privatelink.his.arc.azure.com",
        `server=/privatelink.his.arc.azure.com/${PEERS.upstream.address}#${PEERS.upstream.port}`,
      ]),
      `--pid-file=${join(dir, "d.pid")}`,
    ]),
    start("unbound", ["-d", "-c", unboundConf()]),
  ];
  const arclink = await spawnReady(["--import", "tsx", "bench/lib/dns-arclink-server.ts", "--port", "5300"]);
  try {
    await Promise.all([
      until(PEERS.dnsmasq.address, PEERS.dnsmasq.port),
      until(PEERS.unbound.address, PEERS.unbound.port),
    ]);
    const a = arclink.ready as { dc01: string; web01: string; port: number };
    await until(a.dc01, a.port, a.web01);
    const targets: Target[] = [
      {
        name: "arclink (native UDP, 2 threads)",
        address: a.dc01,
        port: a.port,
        from: a.web01,
        pid: arclink.child.pid,
      },
      { name: "dnsmasq 2.90", ...PEERS.dnsmasq, pid: children[1].pid },
      { name: "unbound 1.17 (2 threads)", ...PEERS.unbound, pid: children[2].pid },
    ];
    const results: Record<string, Record<string, number[]>> = {};
    const lat: Record<string, Record<string, Awaited<ReturnType<typeof dnsperfLatency>>>> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets) {
        for (const kind of ["cached", "forwarded"] as const) {
          const r = dnsperfQps(t, kind === "cached" ? cached : forwardedFile());
          results[t.name] ??= {};
          results[t.name][kind] ??= [];
          results[t.name][kind].push(r.qps);
          if (kind === "cached") {
            results[t.name].cpu ??= [];
            results[t.name].cpu.push(r.cpuUsPerQuery);
          }
          process.stderr.write(
            `round ${round + 1} ${t.name} ${kind}: ${Math.round(r.qps)} qps (${r.lost} lost), ${r.cpuUsPerQuery.toFixed(2)} µs CPU/query\n`,
          );
        }
      }
    }
    for (const t of targets) {
      lat[t.name] = { cached: await dnsperfLatency(t, cached), forwarded: await dnsperfLatency(t, forwardedFile()) };
    }
    const best = (kind: string) =>
      Math.max(median(results[targets[1].name][kind]), median(results[targets[2].name][kind]));
    const rows = targets.map((t) => {
      const c = median(results[t.name].cached);
      const f = median(results[t.name].forwarded);
      const lc = lat[t.name].cached;
      const lf = lat[t.name].forwarded;
      const cpu = median(results[t.name].cpu).toFixed(2);
      return `| ${t.name} | ${Math.round(c)} | ${(c / best("cached")).toFixed(2)}× | ${cpu} | ${lc.p50} / ${lc.p90} / ${lc.p99} / ${lc.p999} | ${Math.round(f)} | ${(f / best("forwarded")).toFixed(2)}× | ${lf.p50} / ${lf.p90} / ${lf.p99} / ${lf.p999} |`;
    });
    process.stdout.write(
      [
        `dnsperf 2.10, -c 4 -q 200, ${SECONDS} s per run, median of ${ROUNDS} interleaved rounds; latency at ${LATENCY_QPS} qps (µs p50 / p90 / p99 / p99.9)`,
        `load average at the end: ${execFileSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).trim()}`,
        "",
        "| server | cached qps | vs best peer | cached CPU µs/query | cached latency µs | forwarded qps | vs best peer | forwarded latency µs |",
        "|---|---|---|---|---|---|---|---|",
        ...rows,
        "",
      ].join("\n"),
    );
  } finally {
    await stopChild(arclink.child);
    for (const c of children) c.kill("SIGTERM");
  }
}

await main();
