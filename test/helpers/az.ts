import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Running the real Azure CLI (`/usr/bin/az`, 2.45 from Debian) against arclink, offline.
 *
 * Each sandbox has its own `AZURE_CONFIG_DIR`, so a test never reads or writes the
 * user's `~/.azure`, and every switch that makes az reach the internet is off:
 * - `core.collect_telemetry=no` (no telemetry upload process),
 * - `core.survey_message=no`, `core.error_recommendation=off` (no Aladdin lookup on a
 *   failed command), `extension.use_dynamic_install=no` (no extension index download),
 * - a seeded `versionCheck.json`: az 2.45 has no switch for its version check, which on
 *   every start with an empty cache sends `HEAD https://azure.microsoft.com` and reads
 *   versions from raw.githubusercontent.com (`handle_version_update` in azure/cli/core).
 * As a tripwire, `HTTPS_PROXY`/`HTTP_PROXY` point at a local proxy that refuses and
 * records every request, with `NO_PROXY` exempting localhost: any call to a real Azure or
 * other foreign host shows up in `sandbox.foreignRequests` instead of leaving the machine.
 *
 * @example
 * const az = await startAzSandbox();
 * const res = await runAz(["account", "show"], az);
 * assert.equal(res.code, 0, res.stderr);
 * console.log(res.json);
 * assertNoForeignCalls(az, res);
 * await az.stop();
 */

/** The az executable: `AZ` overrides it. */
export const AZ = process.env.AZ ?? "/usr/bin/az";

/** The version az 2.45 records in `versionCheck.json` (it must match the installed core). */
const AZ_CLI_VERSION = process.env.AZ_CLI_VERSION ?? "2.45.0";

export interface AzResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (the sandbox's default output is json), or undefined if it is not JSON. */
  json: any;
  args: readonly string[];
}

export interface AzRunOptions {
  /** The `AZURE_CONFIG_DIR`; required, so that no test touches `~/.azure`. */
  configDir: string;
  /** Extra environment on top of the process's. */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the child is killed (default 120 s). */
  timeoutMs?: number;
}

export interface AzSandbox extends AzRunOptions {
  configDir: string;
  env: NodeJS.ProcessEnv;
  /** `host:port` (CONNECT) or absolute URLs az tried to reach outside localhost. */
  readonly foreignRequests: string[];
  stop(): Promise<void>;
}

function writeOfflineConfig(configDir: string, seedVersionCheck: boolean): void {
  writeFileSync(
    join(configDir, "config"),
    [
      "[core]",
      "collect_telemetry = no",
      "survey_message = no",
      "error_recommendation = off",
      "no_color = yes",
      "disable_progress_bar = yes",
      "output = json",
      "[extension]",
      "use_dynamic_install = no",
      "[auto-upgrade]",
      "enable = no",
      "",
    ].join("\n"),
  );
  if (!seedVersionCheck) return;
  const now = new Date();
  // Python's datetime format '%Y-%m-%d %H:%M:%S.%f' in local time, as az writes it.
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}000`;
  const local = { local: AZ_CLI_VERSION };
  writeFileSync(
    join(configDir, "versionCheck.json"),
    JSON.stringify({
      versions: { "azure-cli": local, core: local, telemetry: { local: "1.0.8" } },
      update_time: stamp,
    }),
  );
}

async function startTripwire(seen: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push(req.url ?? "");
    res.writeHead(403, { "content-type": "text/plain" }).end("arclink test tripwire: no internet access\n");
  });
  server.on("connect", (req, socket) => {
    seen.push(req.url ?? "");
    socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/**
 * A fresh, offline az configuration directory and the tripwire proxy. The CA bundle is
 * taken from `REQUESTS_CA_BUNDLE` (scripts/run-tests.mjs sets it to the test CA) unless
 * `caBundle` is given.
 */
export async function startAzSandbox({
  caBundle,
  seedVersionCheck = true,
}: {
  caBundle?: string;
  /** False leaves az's version check on (only to prove the tripwire catches it). */
  seedVersionCheck?: boolean;
} = {}): Promise<AzSandbox> {
  const configDir = mkdtempSync(join(tmpdir(), "arclink-az-"));
  writeOfflineConfig(configDir, seedVersionCheck);
  const foreignRequests: string[] = [];
  const tripwire = await startTripwire(foreignRequests);
  const proxy = `http://127.0.0.1:${(tripwire.address() as AddressInfo).port}`;
  const bundle = caBundle ?? process.env.REQUESTS_CA_BUNDLE;
  if (!bundle) throw new Error("REQUESTS_CA_BUNDLE is not set: run the tests with 'node scripts/run-tests.mjs'.");
  const env: NodeJS.ProcessEnv = {
    AZURE_CONFIG_DIR: configDir,
    REQUESTS_CA_BUNDLE: bundle,
    AZURE_CORE_COLLECT_TELEMETRY: "no",
    AZURE_CORE_SURVEY_MESSAGE: "no",
    AZURE_CORE_ERROR_RECOMMENDATION: "off",
    AZURE_CORE_NO_COLOR: "yes",
    AZURE_EXTENSION_USE_DYNAMIC_INSTALL: "no",
    HTTPS_PROXY: proxy,
    HTTP_PROXY: proxy,
    https_proxy: proxy,
    http_proxy: proxy,
    NO_PROXY: "localhost,127.0.0.1,::1",
    no_proxy: "localhost,127.0.0.1,::1",
  };
  return {
    configDir,
    env,
    foreignRequests,
    async stop() {
      tripwire.closeAllConnections();
      await new Promise<void>((resolve) => tripwire.close(() => resolve()));
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `az <args>` as a child process with `AZURE_CONFIG_DIR` = `configDir`. Never
 * throws for a non-zero exit: the code is in the result.
 */
export function runAz(
  args: readonly string[],
  { configDir, env = {}, timeoutMs = 120_000 }: AzRunOptions,
): Promise<AzResult> {
  if (!configDir) throw new Error("runAz needs a configDir: tests must not use ~/.azure.");
  return new Promise((resolve, reject) => {
    const child = spawn(AZ, [...args], {
      env: { ...process.env, ...env, AZURE_CONFIG_DIR: configDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let json: unknown;
      try {
        json = stdout.trim() ? JSON.parse(stdout) : undefined;
      } catch {
        json = undefined;
      }
      if (signal) stderr += `\n[runAz] az was killed by ${signal} after ${timeoutMs} ms`;
      resolve({ code: code ?? 1, stdout, stderr, json, args });
    });
  });
}

/** Messages az prints when a request fails to connect; on a line naming a host other than ours, a foreign call. */
const CONNECTION_ERROR =
  /Max retries exceeded|Failed to establish a new connection|ProxyError|NameResolutionError|Failed to resolve|ConnectionError|ConnectTimeout/i;
const OWN_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/i;

/** Lines of `stderr` with a connection error that names no host or a host that is not this machine. */
export function foreignConnectionErrors(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => CONNECTION_ERROR.test(line))
    .filter((line) => {
      const hosts = [...line.matchAll(/host='([^']+)'|https?:\/\/([^/:'"\s]+)/g)].map((m) => m[1] ?? m[2]);
      return hosts.length === 0 || hosts.some((h) => !OWN_HOST.test(h));
    });
}

/**
 * Fails if az tried to reach any host but this machine: a request recorded by the
 * tripwire proxy, or a connection error naming a foreign host in the output.
 */
export function assertNoForeignCalls(sandbox: Pick<AzSandbox, "foreignRequests">, ...results: AzResult[]): void {
  const errors = results.flatMap((r) => foreignConnectionErrors(r.stderr).map((e) => `az ${r.args.join(" ")}: ${e}`));
  if (sandbox.foreignRequests.length > 0 || errors.length > 0) {
    throw new Error(
      `The Azure CLI tried to reach the internet: ${[...sandbox.foreignRequests, ...errors].map((s) => `'${s}'`).join(", ")}.`,
    );
  }
}
