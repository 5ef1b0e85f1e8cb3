import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { labPath, requireLab } from "../labs/index.js";
import { startSystem } from "../system/start-system.js";
import { printReport, readWorldFile } from "./apply.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { parsePort } from "./options.js";
import { runningServer } from "./server-record.js";
import { startAgents } from "./up-agents.js";

/** The embedded default world: the reference topology of the Arc private link docs. */
export const DEFAULT_WORLD = fileURLToPath(new URL("../../worlds/default.yaml", import.meta.url));

interface UpOptions {
  data?: string;
  inMemory?: boolean;
  world?: string;
  lab?: string;
  empty?: boolean;
  port: string;
  json?: boolean;
  synchronous: string;
  dns: boolean;
  dnsPort?: string;
  dnsFrom?: string;
  gateway: boolean;
  gatewayPort?: string;
  timeScale?: string;
  agents?: boolean;
}

/** `arclink up`: starts the system and prints how to reach it. */
/**
 * What to do when the port is taken: the running arclink's address when it is this data
 * directory's (or the default one's), else another port.
 */
function portInUse(port: number, dataDir: string | undefined): string {
  const dirs = [...new Set([dataDir, ".arclink"].filter((d): d is string => d !== undefined))];
  for (const dir of dirs) {
    const running = runningServer(dir);
    if (running && new URL(running.armEndpoint).port === String(port)) {
      return (
        `Port ${port} is in use (EADDRINUSE): arclink is already running there for data directory '${dir}' ` +
        `(pid ${running.pid}). Use it at ${running.armEndpoint} (CA: ${running.caPath}), stop it ` +
        `(kill ${running.pid}), or start another instance with --port <n> (--port 0 picks a free port).`
      );
    }
  }
  return (
    `Port ${port} is in use (EADDRINUSE) by another program: start on another port with --port <n> ` +
    "(--port 0 picks a free port), or stop what listens there."
  );
}

export function registerUp(program: Command): void {
  program
    .command("up")
    .description("start the ARM control plane and identity endpoints on an embedded or given world")
    .option("--data <dir>", "data directory (database, CA)", ".arclink")
    .option("--in-memory", "keep the database in memory (nothing persists)")
    .option("--world <file>", "apply this world file at start (default: the embedded default world, on an empty store)")
    .option("--lab <name>", "apply the named lab's world at start (docs/labs.md)")
    .option("--empty", "start with no world")
    .option("--port <n>", "HTTPS port for ARM; 0 picks a free port", "8443")
    .option("--json", "print the endpoints as one JSON object on one line")
    .option(
      "--synchronous <mode>",
      "SQLite durability: FULL syncs every commit (survives power loss); NORMAL is faster but may lose the last commits on power loss",
      "FULL",
    )
    .option("--no-dns", "do not start the live DNS servers")
    .option("--dns-port <n>", "port of every DNS server (default 53 if it can be bound, else 10053)")
    .option(
      "--dns-from <host>",
      "answer queries from addresses that are no world host as this host (id); default REFUSED",
    )
    .option("--no-gateway", "do not start the live network (Arc gateway, Entra ID and ARM front doors, site proxies)")
    .option("--gateway-port <n>", "HTTPS port of every front door (default 443 if it can be bound, else 10443)")
    .option("--time-scale <n>", "virtual time runs this many times faster than real time (heartbeats, delays)", "1")
    .option("--agents", "run every onboarded host's agent (heartbeats) in this process (docs/agent.md)")
    .action(async (opts: UpOptions, cmd: Command) => {
      const port = parsePort(opts.port);
      const synchronous = opts.synchronous.toUpperCase();
      if (synchronous !== "FULL" && synchronous !== "NORMAL") {
        throw new UsageError(`Invalid value for --synchronous: '${opts.synchronous}'. Expected 'FULL' or 'NORMAL'.`);
      }
      const timeScale = Number(opts.timeScale ?? "1");
      if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 100_000)
        throw new UsageError(`Option --time-scale '${opts.timeScale}' must be a number above 0 and at most 100000.`);
      const dataSource = cmd.getOptionValueSource("data");
      if (opts.inMemory && dataSource === "cli") {
        throw new UsageError("Options --data and --in-memory cannot be used together: choose one.");
      }
      const chosen = (["world", "lab", "empty"] as const).filter((k) => opts[k] !== undefined);
      if (chosen.length > 1)
        throw new UsageError(
          `Options ${chosen.map((k) => `--${k}`).join(" and ")} cannot be used together: choose one.`,
        );
      if (opts.lab !== undefined) {
        try {
          opts.world = labPath(requireLab(opts.lab).name);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }
      const worldFile = opts.world ?? (opts.empty ? undefined : DEFAULT_WORLD);
      const entries = worldFile && existsSync(worldFile) ? readWorldFile(worldFile) : undefined;
      if (opts.world && !entries) throw new UsageError(`Cannot read world file '${opts.world}': ENOENT.`);
      const system = await startSystem({
        dataDir: opts.inMemory ? undefined : opts.data,
        inMemory: opts.inMemory,
        port,
        synchronous,
        dns: opts.dns
          ? { port: opts.dnsPort === undefined ? undefined : parsePort(opts.dnsPort), defaultFrom: opts.dnsFrom }
          : undefined,
        fabric: opts.gateway
          ? { port: opts.gatewayPort === undefined ? undefined : parsePort(opts.gatewayPort) }
          : undefined,
        clockScale: timeScale,
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EADDRINUSE" && !String(error.message).includes("EADDRINUSE")) throw error;
        throw new UsageError(portInUse(port, opts.inMemory ? undefined : opts.data), EXIT.FAILURE);
      });
      // The default world seeds a new lab; an explicit --world is applied every time.
      const seed = opts.world !== undefined || system.system.snapshot().size === 0;
      let worldSummary: { file: string; applied: number } | null = null;
      if (entries && worldFile && seed) {
        const report = system.system.apply(entries);
        if (report.errors.length > 0) {
          printReport(report, worldFile, false);
          await system.stop();
          process.exit(EXIT.BAD_INPUT);
        }
        worldSummary = { file: worldFile, applied: report.applied };
      }
      // Registered before the ready line: whoever reads it may signal at once, and a signal
      // that arrives before Node watches for it kills the process. A second Ctrl-C while
      // stopping is ignored.
      let stopping = false;
      const agents = opts.agents ? startAgents(system) : undefined;
      const shutdown = async () => {
        if (stopping) return;
        stopping = true;
        await agents?.stop();
        await system.stop();
        process.exit(0);
      };
      process.on("SIGINT", shutdown);
      process.on("SIGTERM", shutdown);
      await system.dns?.settled();
      const dnsServers = system.dns?.entities() ?? [];
      const summary = {
        armEndpoint: system.armUrl,
        portal: `${system.armUrl}/portal/`,
        identityEndpoint: system.identityUrl,
        adfsEndpoint: system.adfsUrl,
        tenantId: system.tenantId,
        subscriptionId: system.subscriptionId,
        servicePrincipal: system.servicePrincipal,
        caPath: system.caPath,
        dataDir: opts.inMemory ? null : system.dataDir,
        adminKey: system.adminKey,
        adminKeyPath: system.adminKeyPath,
        world: worldSummary,
        resources: system.system.snapshot().size,
        dnsServers,
        gateway: system.fabric
          ? { port: system.fabric.port, addresses: system.fabric.gateway.listening(), proxies: system.fabric.proxies() }
          : null,
        timeScale,
      };
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      } else {
        process.stdout.write(
          [
            "arclink is up.",
            `  ARM endpoint:       ${summary.armEndpoint}`,
            `  Portal:             ${summary.portal}   (sign in with the service principal below)`,
            `  Identity endpoint:  ${summary.identityEndpoint}   (ADFS-style: ${summary.adfsEndpoint})`,
            `  Tenant:             ${summary.tenantId}`,
            `  Subscription:       ${summary.subscriptionId}`,
            `  Service principal:  ${summary.servicePrincipal.clientId}`,
            `  Secret:             ${summary.servicePrincipal.secret}`,
            `  CA certificate:     ${summary.caPath}`,
            `  Admin key:          ${summary.adminKey}   (${summary.adminKeyPath}; header x-arclink-admin-key)`,
            `  World:              ${summary.resources} resources${worldSummary ? ` (applied ${worldSummary.file})` : ""}`,
            ...(system.dns
              ? [
                  `  DNS servers:        ${dnsServers.length} on port ${system.dns.port}, UDP on ${system.dns.udpStats().threads} native threads (arclink addresses prints every address)`,
                  ...dnsServers.map(
                    (d) =>
                      `    ${`${d.realized}:${d.port}`.padEnd(21)} ${d.worldAddress.padEnd(15)} ${d.kind.padEnd(16)} ${d.id}`,
                  ),
                ]
              : []),
            ...(summary.gateway
              ? [
                  `  Gateway:            ${summary.gateway.addresses.length} front doors on port ${summary.gateway.port}, ${summary.gateway.proxies.length} site proxies (arclink logs --follow)`,
                ]
              : []),
            ...(timeScale !== 1 ? [`  Virtual time:       ${timeScale}× real time`] : []),
            `Trust it: export NODE_EXTRA_CA_CERTS=${summary.caPath} REQUESTS_CA_BUNDLE=${summary.caPath}`,
            "Press Ctrl-C to stop.",
            "",
          ].join("\n"),
        );
      }
    });
}
