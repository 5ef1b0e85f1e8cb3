import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";
import { derOf, pem, randomSerial } from "./pem.js";

x509.cryptoProvider.set(webcrypto as never);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

export const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const CA_DIR = "ca";
const CERT_FILE = "arclink-ca.crt";
const KEY_FILE = "arclink-ca.key";

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
  certPath: string;
  cert: x509.X509Certificate;
  key: CryptoKey;
}

/** The CA certificate's path in a data directory (what clients trust). */
export function caPath(dir: string): string {
  return join(dir, CA_DIR, CERT_FILE);
}

async function load(dir: string): Promise<CertificateAuthority> {
  const certPath = caPath(dir);
  const keyPath = join(dir, CA_DIR, KEY_FILE);
  if (!existsSync(keyPath)) {
    throw new Error(
      `The CA certificate '${certPath}' exists but its key '${keyPath}' is missing: restore the key, or delete the '${join(dir, CA_DIR)}' directory to create a new CA that clients must trust again.`,
    );
  }
  const certPem = readFileSync(certPath, "utf8");
  const keyPem = readFileSync(keyPath, "utf8");
  const key = await webcrypto.subtle.importKey("pkcs8", derOf(keyPem), ALG, true, ["sign"]);
  return { certPem, keyPem, certPath, cert: new x509.X509Certificate(certPem), key };
}

async function create(now: Date): Promise<{ certPem: string; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(randomBytes(16)),
    name: `CN=arclink local CA ${now.toISOString().slice(0, 10)}, O=arclink`,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 86400_000),
    signingAlgorithm: ALG,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  });
  const keyPem = pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return { certPem: cert.toString("pem"), keyPem };
}

/**
 * Loads the data directory's CA, or creates it once. An existing CA is never
 * regenerated: clients that trust it keep trusting every later leaf. The new CA is
 * written to a temporary directory and renamed into place, so two processes starting
 * on one fresh data directory end up with one CA.
 *
 * @example
 * const ca = await loadOrCreateCa(".arclink", new Date());
 * console.log(ca.certPath); // .arclink/ca/arclink-ca.crt
 */
export async function loadOrCreateCa(dir: string, now: Date): Promise<CertificateAuthority> {
  if (existsSync(caPath(dir))) return load(dir);
  const { certPem, keyPem } = await create(now);
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(dir, `.${CA_DIR}-`));
  writeFileSync(join(staging, KEY_FILE), keyPem, { mode: 0o600 });
  writeFileSync(join(staging, CERT_FILE), certPem);
  try {
    // Replaces an empty `ca/` directory; fails if another process put a CA there first.
    renameSync(staging, join(dir, CA_DIR));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(caPath(dir))) {
      throw new Error(
        `Cannot create the CA in '${join(dir, CA_DIR)}': the directory holds other files but no '${CERT_FILE}' (${(error as Error).message}).`,
      );
    }
  }
  return load(dir);
}
