import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_SUBSCRIPTION_ID, openSystem } from "../../system/index.js";
import { createMachineKeyPair, signMachineAssertion } from "./assertion.js";
import { CredentialError, createMachineAuth } from "./machine-auth.js";

const RG = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/lab`;
const M = `${RG}/providers/Microsoft.HybridCompute/machines/m1`;
const AUD = "https://weu.his.arc.azure.com/machine/x/identity";

async function setup() {
  const system = openSystem({ memory: true });
  system.put(RG, { location: "westeurope" });
  const keys = createMachineKeyPair();
  system.put(M, { location: "westeurope", properties: { clientPublicKey: keys.clientPublicKey } });
  let t = Date.now();
  const auth = createMachineAuth({ system, now: () => t });
  return { system, keys, auth, advance: (ms: number) => (t += ms), now: () => t };
}

const refused = async (p: Promise<unknown>, code: string) =>
  assert.rejects(p, (e: unknown) => e instanceof CredentialError && e.code === code);

test("an assertion signed with the machine's key buys an access token; the token names the machine", async () => {
  const { auth, keys, system } = await setup();
  const { accessToken } = await auth.exchange(await signMachineAssertion(keys.privateKey, M, AUD), AUD);
  assert.equal((await auth.verify(`Bearer ${accessToken}`)).machineId.toLowerCase(), M.toLowerCase());
  system.close();
});

test("forged, replayed, expired, foreign and garbage credentials are refused", async () => {
  const { auth, keys, system, advance, now } = await setup();
  const other = createMachineKeyPair();
  await refused(auth.exchange(await signMachineAssertion(other.privateKey, M, AUD), AUD), "InvalidSignature");
  const once = await signMachineAssertion(keys.privateKey, M, AUD, { now: now() });
  await auth.exchange(once, AUD);
  await refused(auth.exchange(once, AUD), "CredentialReplayed");
  await refused(auth.exchange(await signMachineAssertion(keys.privateKey, M, "https://evil/"), AUD), "WrongAudience");
  const old = await signMachineAssertion(keys.privateKey, M, AUD, { now: now() });
  advance(10 * 60_000);
  await refused(auth.exchange(old, AUD), "CredentialExpired");
  await refused(auth.exchange("not.a.jwt", AUD), "MalformedCredential");
  await refused(auth.verify("Bearer garbage"), "InvalidSignature");
  await refused(auth.verify(undefined), "MissingCredential");
  await refused(auth.exchange(await signMachineAssertion(keys.privateKey, `${M}x`, AUD), AUD), "UnknownMachine");
  const { accessToken } = await auth.exchange(await signMachineAssertion(keys.privateKey, M, AUD, { now: now() }), AUD);
  advance(2 * 3600_000);
  await refused(auth.verify(`Bearer ${accessToken}`), "CredentialExpired");
  system.close();
});

test("verifyCached answers only tokens verified before and still valid, and checks the machine as verify does", async () => {
  const { auth, keys, system, advance } = await setup();
  const { accessToken } = await auth.exchange(await signMachineAssertion(keys.privateKey, M, AUD), AUD);
  const bearer = `Bearer ${accessToken}`;
  assert.equal(auth.verifyCached(bearer), undefined, "never verified: the caller takes the slow path");
  await auth.verify(bearer);
  const hit = auth.verifyCached(bearer);
  assert.equal(hit?.claims.machineId.toLowerCase(), M.toLowerCase());
  assert.equal(hit?.machine.id.toLowerCase(), M.toLowerCase());
  assert.equal(auth.verifyCached("Bearer garbage"), undefined);
  const stored = system.snapshot().get(M);
  assert.ok(stored);
  system.commit({ puts: [{ ...stored, properties: { ...stored.properties, status: "Expired" } }], deletes: [] });
  assert.throws(
    () => auth.verifyCached(bearer),
    (e: unknown) => e instanceof CredentialError && e.code === "MachineExpired",
  );
  advance(2 * 3600_000);
  assert.equal(auth.verifyCached(bearer), undefined, "expired token: verify refuses it");
  system.close();
});
