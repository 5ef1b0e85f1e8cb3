import { join } from "node:path";
import type { App } from "../arm/app.js";
import type { CertificateAuthority } from "../pki/index.js";
import type { System } from "../system/index.js";
import { type AddressRealization, HTTPS_FALLBACK_PORT, loopbackRealization, servicePort } from "./addresses/index.js";
import { createArcDoors, createMachineAuth, type MachineAuth } from "./arc-services/index.js";
import { AuditLog } from "./audit/index.js";
import {
  createDecider,
  type FrontDoorHandler,
  type Gateway,
  type GatewayLimits,
  startGateway,
} from "./gateway/index.js";
import { type StatusKeeper, startStatusKeeper } from "./heartbeat/index.js";
import { startSiteProxies } from "./proxy/index.js";
import { createSniContexts } from "./tls/index.js";

export interface FabricOptions {
  system: System;
  ca: CertificateAuthority;
  /** The ARM front: it also answers for Entra ID and ARM's names. Without it those doors answer 404. */
  app?: App;
  /** The audit log goes to `<dataDir>/gateway/audit.jsonl`; in memory only without it. */
  dataDir?: string;
  /** HTTPS port on every realized address; default 443 when it may be bound, else 10443. */
  port?: number;
  realization?: AddressRealization;
  limits?: Partial<GatewayLimits>;
  upstreamTimeoutMs?: number;
  /** Called after the listeners followed a change of the world (addresses opened or closed). */
  onListeners?: () => void;
}

export interface Fabric {
  gateway: Gateway;
  audit: AuditLog;
  auth: MachineAuth;
  keeper: StatusKeeper;
  port: number;
  proxies: () => string[];
  /** Resolves once the gateway's and the proxies' listeners follow the latest commit. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Resource types whose writes can add, move or remove a realized address (sites, vnets, endpoints, resolvers). */
const ADDRESS_TYPE_PREFIXES = [
  "arclink.onpremises/",
  "microsoft.network/virtualnetworks",
  "microsoft.network/privateendpoints",
  "microsoft.network/dnsresolvers",
];
const movesAddresses = (r: { type: string }) => {
  const type = r.type.toLowerCase();
  return ADDRESS_TYPE_PREFIXES.some((p) => type.startsWith(p));
};

/** The audit log of a data directory. */
export const auditPath = (dataDir: string) => join(dataDir, "gateway", "audit.jsonl");

/**
 * The live network: the Arc gateway (HIS, guest configuration, dp; Entra ID and ARM served
 * by the ARM front), the site proxies, the heartbeat status keeper, one audit log; all
 * following the hub's world.
 *
 * @example
 * const fabric = await startFabric({ system, ca, app, dataDir });
 * fabric.gateway.listening(); // realized addresses of private endpoints and front doors
 */
export async function startFabric(opts: FabricOptions): Promise<Fabric> {
  const { system, ca, app } = opts;
  const port = opts.port ?? (await servicePort(443, HTTPS_FALLBACK_PORT));
  const sni = await createSniContexts(ca, new Date());
  const audit = new AuditLog({ path: opts.dataDir ? auditPath(opts.dataDir) : undefined });
  const decider = createDecider({ system });
  const auth = createMachineAuth({ system });
  const keeper = startStatusKeeper({ system, audit });
  const origins = new Map();
  const arm: FrontDoorHandler | undefined = app ? (req) => app.handle(req) : undefined;
  const doors = { ...createArcDoors({ system, auth, keeper, decider }), ...(arm ? { entra: arm, arm } : {}) };
  const gateway = await startGateway({
    system,
    realization: opts.realization ?? loopbackRealization(),
    sni,
    audit,
    doors,
    port,
    limits: opts.limits,
    proxyOrigins: origins,
    decider,
    follow: false,
  });
  const proxies = await startSiteProxies({
    system,
    table: () => gateway.table(),
    decider,
    audit,
    origins,
    gatewayPort: port,
    upstreamTimeoutMs: opts.upstreamTimeoutMs,
  });
  let syncing = Promise.resolve();
  const stopFeed = system.subscribe(({ cause, changes }) => {
    if (cause === "clock") return;
    // Listeners follow addresses: a change that moves none (a machine, a scope) needs no re-sync.
    if (cause === "commit" && changes.deletes.length === 0 && !changes.puts.some(movesAddresses)) return;
    syncing = syncing
      .then(() => gateway.sync())
      .then(() => proxies.sync())
      .then(() => opts.onListeners?.())
      .catch((e) =>
        audit.record({
          kind: "bad-input",
          at: system.now().toISOString(),
          reason: `listener sync failed: ${(e as Error).message}`,
        }),
      );
  });
  return {
    gateway,
    audit,
    auth,
    keeper,
    port,
    proxies: () => proxies.listening(),
    settled: () => syncing,
    async stop() {
      stopFeed();
      await syncing;
      keeper.stop();
      await proxies.close();
      await gateway.close();
    },
  };
}
