import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import { isIP } from "node:net";
import * as x509 from "@peculiar/x509";
import { ALG, type CertificateAuthority } from "./ca.js";
import { pem, randomSerial } from "./pem.js";

type CryptoKeyPair = webcrypto.CryptoKeyPair;

export interface LeafCertificate {
  certPem: string;
  keyPem: string;
}

/**
 * Issues a server certificate for host names and IP addresses (each a subject
 * alternative name of its kind), signed by the CA, valid for a year from `now`.
 *
 * @example
 * const leaf = await issueLeaf(ca, ["localhost", "127.0.0.1", "management.azure.com"], new Date());
 */
export async function issueLeaf(
  ca: CertificateAuthority,
  names: readonly string[],
  now: Date,
): Promise<LeafCertificate> {
  const unique = [...new Set(names.map((n) => n.toLowerCase()))];
  if (unique.length === 0) throw new Error("A leaf certificate needs at least one host name or IP address.");
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(randomBytes(16)),
    subject: `CN=${unique.find((n) => !isIP(n)) ?? unique[0]}`,
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
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  });
  const keyPem = pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return { certPem: cert.toString("pem"), keyPem };
}
