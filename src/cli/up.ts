import type { Command } from "commander";
import { startSystem } from "../system/start-system.js";
import { UsageError } from "./exit-codes.js";
import { parsePort } from "./options.js";

interface UpOptions {
  data?: string;
  inMemory?: boolean;
  world?: string;
  port: string;
  json?: boolean;
}

/** `arclink up`: starts the system and prints how to reach it. */
export function registerUp(program: Command): void {
  program
    .command("up")
    .description("start the ARM control plane and identity endpoints on an embedded or given world")
    .option("--data <dir>", "data directory (database, CA)", ".arclink")
    .option("--in-memory", "keep the database in memory (nothing persists)")
    .option("--world <file>", "apply this world file at start (YAML or JSON)")
    .option("--port <n>", "HTTPS port for ARM; 0 picks a free port", "8443")
    .option("--json", "print the endpoints as one JSON object on one line")
    .action(async (opts: UpOptions, cmd: Command) => {
      const port = parsePort(opts.port);
      const dataSource = cmd.getOptionValueSource("data");
      if (opts.inMemory && dataSource === "cli") {
        throw new UsageError("Options --data and --in-memory cannot be used together: choose one.");
      }
      const system = await startSystem({
        dataDir: opts.inMemory ? undefined : opts.data,
        inMemory: opts.inMemory,
        port,
      });
      const summary = {
        armEndpoint: system.armUrl,
        identityEndpoint: system.identityUrl,
        adfsEndpoint: system.adfsUrl,
        tenantId: system.tenantId,
        subscriptionId: system.subscriptionId,
        servicePrincipal: system.servicePrincipal,
        caPath: system.caPath,
        dataDir: opts.inMemory ? null : system.dataDir,
      };
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      } else {
        process.stdout.write(
          [
            "arclink is up.",
            `  ARM endpoint:       ${summary.armEndpoint}`,
            `  Identity endpoint:  ${summary.identityEndpoint}   (ADFS-style: ${summary.adfsEndpoint})`,
            `  Tenant:             ${summary.tenantId}`,
            `  Subscription:       ${summary.subscriptionId}`,
            `  Service principal:  ${summary.servicePrincipal.clientId}`,
            `  Secret:             ${summary.servicePrincipal.secret}`,
            `  CA certificate:     ${summary.caPath}`,
            `Trust it: export NODE_EXTRA_CA_CERTS=${summary.caPath} REQUESTS_CA_BUNDLE=${summary.caPath}`,
            "Press Ctrl-C to stop.",
            "",
          ].join("\n"),
        );
      }
      const shutdown = async () => {
        await system.stop();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
