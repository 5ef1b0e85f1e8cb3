import { renameSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join, resolve } from "node:path";
import { loadOrCreateAdminKey } from "../arm/admin-auth.js";
import { type App, createApp } from "../arm/app.js";
import { startServer } from "../arm/server.js";
import { type DnsPlane, type DnsPlaneOptions, startDnsPlane } from "../dns/index.js";
import { loopbackRealization } from "../fabric/addresses/index.js";
import { VirtualClock } from "../fabric/clock.js";
import { type Fabric, type FabricOptions, startFabric } from "../fabric/fabric.js";
import { issueLeaf, loadOrCreateCa, serverNames } from "../pki/index.js";
import type { Synchronous } from "../store/index.js";
import { catalogFromEnvironment, catalogFromFile, openSystem, type System, temporaryDataDir } from "./system.js";

export interface SystemOptions {
  /** Data directory (database, CA, server record). Default `./.arclink`. */
  dataDir?: string;
  /** Keep the database in memory; the CA then goes to `dataDir` if given, else a temp dir. */
  inMemory?: boolean;
  /** ARM port; 0 picks a free one. */
  port?: number;
  host?: string;
  pageSize?: number;
  clockScale?: number;
  /** A downloaded `ServiceTags_Public_*.json` to use instead of the built-in catalog; default `$ARCLINK_SERVICE_TAGS`. */
  serviceTagsPath?: string;
  /** SQLite durability: `FULL` (default) or `NORMAL` (faster; may lose the last commits on power loss). */
  synchronous?: Synchronous;
  /** The origin the server names itself by (default `https://localhost:<port>`); see `startServer`. */
  publicOrigin?: string;
  /** Start the live DNS servers (src/dns) with these options; omitted = no DNS. */
  dns?: Omit<DnsPlaneOptions, "system">;
  /** Start the live network (src/fabric: gateway, site proxies, heartbeats) with these options; omitted = none. */
  fabric?: Pick<FabricOptions, "port" | "limits">;
}

export interface RunningSystem {
  /** The hub: snapshot(), subscribe(), the write path, the clock. */
  system: System;
  app: App;
  armUrl: string;
  identityUrl: string;
  adfsUrl: string;
  tenantId: string;
  subscriptionId: string;
  servicePrincipal: { clientId: string; secret: string };
  caPath: string;
  dataDir: string;
  /** The admin key for `/_arclink/*` (header `x-arclink-admin-key`) and the 0600 file that holds it. */
  adminKey: string;
  adminKeyPath: string;
  /** The live DNS servers, when started with `dns`. */
  dns?: DnsPlane;
  /** The live network, when started with `fabric`. */
  fabric?: Fabric;
  stop(): Promise<void>;
}

/**
 * Brings the system up: the hub (store, clock, catalog), the CA and leaf certificate, the
 * ARM front with its identity endpoints. Writes `<dataDir>/server.json` so other commands
 * can find it: `{armEndpoint, pid, caPath, dnsPort?, gatewayPort?, gatewayAddresses?,
 * proxyAddresses?}` (the `ServerRecord` of `src/cli/server-record.ts`), rewritten whenever
 * the live network opens or closes listeners.
 */
export async function startSystem({
  dataDir,
  inMemory = false,
  port = 0,
  host = "127.0.0.1",
  pageSize,
  clockScale = 1,
  serviceTagsPath,
  synchronous,
  publicOrigin,
  dns: dnsOptions,
  fabric: fabricOptions,
}: SystemOptions = {}): Promise<RunningSystem> {
  const catalog = serviceTagsPath ? catalogFromFile(serviceTagsPath) : catalogFromEnvironment();
  const temp = inMemory && !dataDir ? temporaryDataDir() : undefined;
  const dir = resolve(dataDir ?? temp?.dir ?? ".arclink");
  const system = openSystem({
    data: dir,
    memory: inMemory,
    synchronous,
    clock: new VirtualClock(clockScale),
    catalog,
    pageSize,
  });
  const admin = loadOrCreateAdminKey(dir);
  const now = new Date();
  const ca = await loadOrCreateCa(dir, now);
  const leaf = await issueLeaf(ca, serverNames(host, networkInterfaces()), now);
  let armUrl = "";
  const app = await createApp({
    system,
    info: () => ({ armEndpoint: armUrl, caPath: ca.certPath, dataDir: dir, inMemory }),
    adminKey: admin.key,
  });
  const { server, url } = await startServer({ app, cert: leaf.certPem, key: leaf.keyPem, host, port, publicOrigin });
  armUrl = url;
  const sp = app.principals.ensureDefault(now);
  // One realization for every live plane: DNS answers and the gateway agree on addresses.
  const realization = loopbackRealization();
  const dns = dnsOptions ? await startDnsPlane({ realization, ...dnsOptions, system }) : undefined;
  // Other commands (apply, export, agent) find a running server of a data directory here.
  const record = inMemory ? undefined : join(dir, "server.json");
  let fabric: Fabric | undefined;
  const writeRecord = () => {
    if (!record) return;
    const body: Record<string, unknown> = {
      armEndpoint: url,
      pid: process.pid,
      caPath: ca.certPath,
      dnsPort: dns?.port,
    };
    if (fabric) {
      body.gatewayPort = fabric.port;
      body.gatewayAddresses = [...fabric.gateway.listening()].sort();
      body.proxyAddresses = [...fabric.proxies()].sort();
    }
    // Whole or not at all: a reader never sees half a record.
    writeFileSync(`${record}.tmp`, JSON.stringify(body));
    renameSync(`${record}.tmp`, record);
  };
  fabric = fabricOptions
    ? await startFabric({
        ...fabricOptions,
        system,
        ca,
        app,
        realization,
        dataDir: inMemory ? undefined : dir,
        onListeners: writeRecord,
      })
    : undefined;
  writeRecord();
  return {
    system,
    app,
    armUrl: url,
    identityUrl: `${url}/${app.tenantId}`,
    adfsUrl: `${url}/adfs`,
    tenantId: app.tenantId,
    subscriptionId: app.subscriptionId,
    servicePrincipal: { clientId: sp.clientId, secret: sp.secret },
    caPath: ca.certPath,
    dataDir: dir,
    adminKey: admin.key,
    adminKeyPath: admin.path,
    dns,
    fabric,
    async stop() {
      await fabric?.stop();
      await dns?.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (record) rmSync(record, { force: true });
      system.close();
      temp?.remove();
    },
  };
}
