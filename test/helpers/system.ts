import { ClientSecretCredential } from "@azure/identity";
import { type RunningSystem, type SystemOptions, startSystem } from "../../src/system/start-system.js";

/**
 * The data directory whose CA the test run trusts: scripts/run-tests.mjs creates it and
 * sets NODE_EXTRA_CA_CERTS and REQUESTS_CA_BUNDLE to its CA before any test starts, as
 * a user does, so the Azure SDKs and the Azure CLI verify TLS against it unchanged.
 */
export const TEST_DATA_DIR = process.env.ARCLINK_TEST_DATA ?? ".arclink-test";

export type TestSystem = RunningSystem & { credential: ClientSecretCredential };

/** Starts an in-memory system on a free port with the trusted test CA. */
export async function startTestSystem(options: Partial<SystemOptions> = {}): Promise<TestSystem> {
  const system = await startSystem({ inMemory: true, port: 0, dataDir: TEST_DATA_DIR, ...options });
  const credential = new ClientSecretCredential(
    system.tenantId,
    system.servicePrincipal.clientId,
    system.servicePrincipal.secret,
    { authorityHost: system.armUrl, disableInstanceDiscovery: true },
  );
  return Object.assign(system, { credential });
}
