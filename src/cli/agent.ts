import type { Command } from "commander";
import { AzcmError, type ConfigChange } from "../agent/azcm/index.js";
import {
  type AgentEnv,
  changeHostConfig,
  checkTable,
  dataAgentEnv,
  getHostConfig,
  installedHost,
  listHostConfig,
  resolveHostId,
  runCheck,
  runConnect,
  runDisconnect,
  showAgent,
  showText,
  startAgentRunner,
} from "../agent/lifecycle/index.js";
import { parsePort } from "./options.js";

interface AgentOptions {
  host?: string;
  data: string;
  dnsPort?: string;
  httpsPort?: string;
  timeout: string;
}

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** Runs one agent command: the env over the data directory, the host, AZCM errors as azcmagent prints them. */
async function withAgent(cmd: Command, run: (env: AgentEnv, hostId: string) => Promise<void>) {
  const o = cmd.optsWithGlobals() as AgentOptions;
  try {
    if (!o.host)
      throw new AzcmError("AZCM0016", "Missing mandatory parameter: --host (the world host whose agent this is).");
    const timeoutMs = Number.parseInt(o.timeout, 10);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000)
      throw new AzcmError(
        "AZCM0023",
        `Invalid value "${o.timeout}" for --timeout: milliseconds between 100 and 120000.`,
      );
    const env = await dataAgentEnv({
      dataDir: o.data,
      ports: {
        dns: o.dnsPort === undefined ? undefined : parsePort(o.dnsPort),
        https: o.httpsPort === undefined ? undefined : parsePort(o.httpsPort),
      },
      timeoutMs,
    });
    await run(env, resolveHostId(env.world(), o.host));
  } catch (error) {
    if (!(error instanceof AzcmError)) throw error;
    process.stderr.write(`${error.line()}\n`);
    process.exitCode = error.exitCode;
  }
}

const authOptions = (c: Command) =>
  c
    .option("-i, --service-principal-id <id>", "service principal application (client) id")
    .option("-p, --service-principal-secret <secret>", "service principal secret")
    .option("-t, --tenant-id <id>", "tenant of the service principal");

/**
 * `arclink agent --host HOST <command>`: the azcmagent-compatible Connected Machine agent
 * of a world host (docs/agent.md): connect, disconnect, show, check, config, version, run.
 */
export function registerAgent(program: Command): void {
  const agent = program
    .command("agent")
    .description("act as the Connected Machine agent (azcmagent) of a world host over the live network")
    .option("--host <host>", "the world host: its name, address or resource id")
    .option("--data <dir>", "data directory of the running lab", ".arclink")
    .option("--dns-port <n>", "port of the live DNS servers (default: the server's)")
    .option("--https-port <n>", "port of the live HTTPS endpoints (default: the server's)")
    .option("--timeout <ms>", "timeout of each network step", "3000");

  authOptions(
    agent
      .command("connect")
      .description("connect the host's machine to Azure Arc (azcmagent connect)")
      .option("-s, --subscription-id <id>", "subscription of the machine resource")
      .option("-g, --resource-group <name>", "resource group of the machine resource")
      .option("-l, --location <region>", "Azure region of the machine resource")
      .option("-n, --resource-name <name>", "machine resource name (default: the host's name)")
      .option("--tags <tags>", "Name=Value,Name2='Value 2'")
      .option("--private-link-scope <id>", "resource ID of the Azure Arc private link scope")
      .option("--cloud <cloud>", "AzureCloud (default), AzureUSGovernment or AzureChinaCloud")
      .option("--ignore-network-check", "connect even when the network check fails")
      .option("--correlation-id <guid>", "correlation id of the onboarding"),
  ).action(async (opts, cmd: Command) => {
    await withAgent(cmd, async (env, hostId) => {
      await runConnect(env, hostId, opts, out);
    });
  });

  authOptions(
    agent
      .command("disconnect")
      .description("delete the machine resource and forget the connection (azcmagent disconnect)")
      .option("-f, --force-local-only", "forget the connection here without deleting the resource in Azure"),
  ).action(async (opts, cmd: Command) => {
    await withAgent(cmd, (env, hostId) => runDisconnect(env, hostId, opts, out));
  });

  agent
    .command("show")
    .description("the agent's status, resource, private link scope, last heartbeat, version, proxy (azcmagent show)")
    .argument("[property...]", "only these properties (display name or JSON key)")
    .option("-j, --json", "print JSON")
    .action(async (props: string[], opts: { json?: boolean }, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => {
        const fields = showAgent(env, hostId);
        out(opts.json ? JSON.stringify(fields, null, 2) : showText(fields, props));
      });
    });

  agent
    .command("check")
    .description("test the endpoints the agent needs: ENDPOINT | REACHABLE | PRIVATE | TLS | PROXY (azcmagent check)")
    .option("-l, --location <region>", "the region whose endpoints to check (default: the machine's)")
    .option("-p, --enable-pls-check", "Arc endpoints must resolve to private addresses")
    .option("-e, --extensions <set...>", "also check extension endpoints: all or sql")
    .option("-j, --json", "print JSON rows with the verifier's prediction")
    .action(
      async (
        opts: { location?: string; enablePlsCheck?: boolean; extensions?: string[]; json?: boolean },
        cmd: Command,
      ) => {
        await withAgent(cmd, async (env, hostId) => {
          const rows = await runCheck(env, hostId, opts);
          out(opts.json ? JSON.stringify(rows, null, 2) : checkTable(rows));
          if (rows.some((r) => r.served && !r.reachable)) process.exitCode = 1;
        });
      },
    );

  const config = agent.command("config").description("get, set, clear or list agent configuration (azcmagent config)");
  config
    .command("get")
    .argument("<property>")
    .action(async (name: string, _o, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => out(getHostConfig(env, hostId, name)));
    });
  config
    .command("set")
    .argument("<property>")
    .argument("<value...>")
    .option("-a, --add", "add to a list property")
    .option("-r, --remove", "remove from a list property")
    .action(async (name: string, values: string[], o: { add?: boolean; remove?: boolean }, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => {
        if (o.add && o.remove) throw new AzcmError("AZCM0023", "Options --add and --remove cannot be used together.");
        const change: ConfigChange = { kind: o.add ? "add" : o.remove ? "remove" : "set", values };
        await changeHostConfig(env, hostId, name, change);
        out(`Config property ${name} set: ${getHostConfig(env, hostId, name)}`);
      });
    });
  config
    .command("clear")
    .argument("<property>")
    .action(async (name: string, _o, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => {
        await changeHostConfig(env, hostId, name, { kind: "clear" });
        out(`Config property ${name} cleared`);
      });
    });
  config
    .command("list")
    .option("-j, --json", "print JSON")
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => {
        const all = listHostConfig(env, hostId);
        out(
          o.json
            ? JSON.stringify(all, null, 2)
            : Object.entries(all)
                .map(([k, v]) => `${k.padEnd(13)} : ${v}`)
                .join("\n"),
        );
      });
    });

  agent
    .command("version")
    .description("the installed agent version (azcmagent version)")
    .action(async (_o, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => out(`azcmagent version ${installedHost(env, hostId).agent.version}`));
    });

  agent
    .command("run")
    .description("run the agent's heartbeat loop until interrupted (state in the data directory: a restart resumes)")
    .option("--tick <ms>", "how often (real time) to see whether a heartbeat is due", "1000")
    .action(async (o: { tick: string }, cmd: Command) => {
      await withAgent(cmd, async (env, hostId) => {
        installedHost(env, hostId);
        const runner = startAgentRunner({
          env,
          hosts: [hostId],
          tickMs: Math.max(100, Number.parseInt(o.tick, 10) || 1000),
          onBeat: (_h, r) =>
            out(`${env.now().toISOString()} heartbeat ${r.ok ? `accepted (${r.status})` : `failed: ${r.error}`}`),
        });
        await new Promise<void>((done) => {
          const stop = () => void runner.stop().then(done);
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
      });
    });
}
