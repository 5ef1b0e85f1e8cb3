import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/**
 * What an agent does at connect: a key pair whose public half goes into the machine's
 * `clientPublicKey` (base64 DER, PKCS#1 for RSA as real agents send it).
 *
 * @example
 * const { privateKey, clientPublicKey } = createMachineKeyPair();
 */
export function createMachineKeyPair(): { privateKey: KeyObject; clientPublicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, clientPublicKey: publicKey.export({ format: "der", type: "pkcs1" }).toString("base64") };
}

/**
 * A machine's signed assertion for `audience` (the URL it posts to), valid five minutes,
 * with a fresh `jti`: what `POST /machine/{vmId}/identity` exchanges for an access token.
 *
 * @example
 * const assertion = await signMachineAssertion(privateKey, machineId, "https://gbl.his.arc.azure.com/machine/<vmId>/identity");
 */
export function signMachineAssertion(
  privateKey: KeyObject,
  machineId: string,
  audience: string,
  {
    now = Date.now(),
    lifetimeSeconds = 300,
    jti = randomUUID(),
  }: { now?: number; lifetimeSeconds?: number; jti?: string } = {},
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: privateKey.asymmetricKeyType === "rsa" ? "RS256" : "ES256" })
    .setSubject(machineId)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .setJti(jti)
    .sign(privateKey);
}
