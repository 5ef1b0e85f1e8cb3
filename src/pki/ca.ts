import "reflect-metadata";
import { webcrypto } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as never);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
  certPath: string;
  cert: x509.X509Certificate;
  key: CryptoKey;
}

export interface LeafCertificate {
  certPem: string;
  keyPem: string;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

function derOf(pemText: string): Buffer {
  return Buffer.from(pemText.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
}

/** The CA file's path in a data directory. */
export function caPath(dir: string): string {
  return join(dir, "ca", "arclink-ca.crt");
}

/**
 * Loads the data directory's CA, or creates it once. An existing CA is never
 * regenerated: clients that trust it keep trusting every later leaf.
 */
export async function loadOrCreateCa(dir: string, now: Date): Promise<CertificateAuthority> {
  const certPath = caPath(dir);
  const keyPath = join(dir, "ca", "arclink-ca.key");
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, "utf8");
    const keyPem = readFileSync(keyPath, "utf8");
    const key = await webcrypto.subtle.importKey("pkcs8", derOf(keyPem), ALG, true, ["sign"]);
    return { certPem, keyPem, certPath, cert: new x509.X509Certificate(certPem), key };
  }
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16),
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
  const certPem = cert.toString("pem");
  const keyPem = pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey as webcrypto.CryptoKey));
  mkdirSync(join(dir, "ca"), { recursive: true });
  writeFileSync(keyPath, keyPem, { mode: 0o600 });
  writeFileSync(certPath, certPem);
  return { certPem, keyPem, certPath, cert, key: keys.privateKey };
}

/**
 * Issues a server certificate for host names and IP addresses, signed by the CA.
 *
 * @example
 * const leaf = await issueLeaf(ca, ["localhost", "127.0.0.1", "management.azure.com"], new Date());
 */
export async function issueLeaf(
  ca: CertificateAuthority,
  names: readonly string[],
  now: Date,
): Promise<LeafCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const unique = [...new Set(names)];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: `${Date.now().toString(16)}${Math.floor(Math.random() * 1e6).toString(16)}`,
    subject: `CN=${unique.find((n) => !isIP(n)) ?? "localhost"}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 365 * 86400_000),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey as never,
    signingKey: ca.key as never,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        unique.map((n) => (isIP(n) ? { type: "ip", value: n } : { type: "dns", value: n })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  const keyPem = pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey as webcrypto.CryptoKey));
  return { certPem: cert.toString("pem"), keyPem };
}
