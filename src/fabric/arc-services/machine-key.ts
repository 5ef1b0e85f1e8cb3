import { createPublicKey, type KeyObject } from "node:crypto";

/**
 * The public key in a machine's `clientPublicKey` [facts §2.5]: base64 DER, as the agent
 * sends it — PKCS#1 `RSAPublicKey` (what real agents send, ISS-99004) or SPKI — or a PEM.
 * Returns undefined for anything else.
 *
 * @example
 * importClientPublicKey(machine.properties.clientPublicKey) // KeyObject | undefined
 */
export function importClientPublicKey(value: unknown): KeyObject | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 16_384) return undefined;
  try {
    if (value.includes("-----BEGIN")) return createPublicKey(value);
    const der = Buffer.from(value.replace(/\s+/g, ""), "base64");
    for (const type of ["spki", "pkcs1"] as const) {
      try {
        return createPublicKey({ key: der, format: "der", type });
      } catch {
        // try the next encoding
      }
    }
  } catch {
    // not a key
  }
  return undefined;
}
