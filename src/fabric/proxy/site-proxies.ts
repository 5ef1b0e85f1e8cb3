import type { Server } from "node:http";
import { readClient } from "../../semantics/model/premises.js";
import { type ProxyOptions, startConnectProxy } from "./connect-proxy.js";

/**
 * Every site proxy of the world on its realized address and port, following the world:
 * proxies appear and disappear with it (`sync` on each commit).
 *
 * @example
 * const proxies = await startSiteProxies(options);
 * proxies.listening(); // ["127.62.36.5:3128"]
 */
export async function startSiteProxies(opts: ProxyOptions) {
  const servers = new Map<string, Server>();
  async function sync() {
    const world = opts.system.snapshot();
    const want = new Map<string, { id: string; realized: string; port: number }>();
    for (const e of opts.table().entries) {
      for (const x of e.entities) {
        if (x.kind !== "proxy") continue;
        const port = readClient(world, x.id)?.port ?? 3128;
        want.set(`${e.realized}:${port}`, { id: x.id, realized: e.realized, port });
      }
    }
    for (const [key, server] of servers) {
      if (!want.has(key)) {
        servers.delete(key);
        server.close();
        server.closeAllConnections();
      }
    }
    for (const [key, p] of want) {
      if (!servers.has(key)) servers.set(key, await startConnectProxy(p.id, p.realized, p.port, opts));
    }
  }
  await sync();
  return {
    sync,
    listening: () => [...servers.keys()],
    async close() {
      await Promise.all(
        [...servers.values()].map(
          (s) =>
            new Promise<void>((r) => {
              s.close(() => r());
              s.closeAllConnections();
            }),
        ),
      );
      servers.clear();
    },
  };
}
