import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { adminRequest, runningServer, type ServerRecord } from "../../cli/server-record.js";
import { loopbackRealization } from "../../fabric/addresses/index.js";
import { DNS_FALLBACK_PORT, HTTPS_FALLBACK_PORT, servicePort } from "../../fabric/addresses/service-port.js";
import { openSystem } from "../../system/index.js";
import { loadWorld } from "../../system/load-world.js";
import type { World } from "../../world/world.js";
import { AzcmError } from "../azcm/index.js";
import { type AgentEnv, putBody } from "./agent-env.js";

/** The ports of a running server: its record's, else what this process could bind (the server's rule). */
async function portsOf(
  record: (ServerRecord & { dnsPort?: number; httpsPort?: number; gatewayPort?: number }) | undefined,
  given: { dns?: number; https?: number },
) {
  return {
    dns: given.dns ?? record?.dnsPort ?? (await servicePort(53, DNS_FALLBACK_PORT)),
    https: given.https ?? record?.httpsPort ?? record?.gatewayPort ?? (await servicePort(443, HTTPS_FALLBACK_PORT)),
  };
}

/**
 * An agent environment for the `arclink agent` command over a data directory: the world
 * read from its store (WAL lets it run beside the server), the virtual time from the
 * running server's clock, host changes applied by the running server (or, when none
 * runs, by a hub opened on the directory). Network commands need the server's live
 * planes; `config`, `show` and `version` work without them.
 *
 * @example
 * const env = await dataAgentEnv({ dataDir: ".arclink" });
 */
export async function dataAgentEnv({
  dataDir,
  ports: given = {},
  timeoutMs = 3000,
}: {
  dataDir: string;
  ports?: { dns?: number; https?: number };
  timeoutMs?: number;
}): Promise<AgentEnv & { server?: ServerRecord }> {
  const dir = resolve(dataDir);
  const server = runningServer(dir);
  const realization = loopbackRealization();
  const load = (): World => {
    try {
      return loadWorld({ kind: "data", dir }).snapshot;
    } catch (error) {
      throw new AzcmError("AZCM0023", (error as Error).message);
    }
  };
  let world = load();
  let table = realization.map(world);
  const clock = async () => {
    if (!server) return new Date();
    const res = await adminRequest(server, "GET", "/_arclink/clock");
    const now = (res.body as { now?: string } | undefined)?.now;
    return now ? new Date(now) : new Date();
  };
  let now = await clock();
  let fetchedAt = Date.now();
  return {
    server,
    world: () => world,
    // Between refreshes virtual time runs at least as fast as real time.
    now: () => new Date(now.getTime() + (Date.now() - fetchedAt)),
    table: () => table,
    ports: await portsOf(server, given),
    ca: server ? readFileSync(server.caPath, "utf8") : "",
    dataDir: dir,
    timeoutMs,
    async refresh() {
      world = load();
      table = realization.map(world);
      now = await clock();
      fetchedAt = Date.now();
    },
    async updateHost(hostId, change) {
      const r = world.get(hostId);
      if (!r) throw new AzcmError("AZCM0069", `Host "${hostId}" does not exist in the world.`);
      const body = putBody(r, change({ ...r.properties }));
      if (server) {
        const res = await adminRequest(server, "POST", "/_arclink/apply", { resources: [{ id: r.id, body, line: 0 }] });
        const errors = (res.body as { errors?: { message?: string }[] } | undefined)?.errors ?? [];
        if (res.status !== 200 || errors.length > 0)
          throw new AzcmError(
            "AZCM0069",
            `The host's configuration could not be updated: ${errors[0]?.message ?? `HTTP ${res.status}`}`,
          );
      } else {
        const system = openSystem({ data: dir });
        try {
          system.put(r.id, body);
        } catch (error) {
          throw new AzcmError("AZCM0069", `The host's configuration could not be updated: ${(error as Error).message}`);
        } finally {
          system.close();
        }
      }
      world = load();
      table = realization.map(world);
    },
  };
}
