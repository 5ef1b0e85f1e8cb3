/** PEM text of DER bytes under `label`, 64 characters a line. */
export function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

/** DER bytes of the first PEM block in `pemText`. */
export function derOf(pemText: string): Buffer {
  const body = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(pemText)?.[1] ?? "";
  return Buffer.from(body.replace(/\s+/g, ""), "base64");
}

/** A positive random serial number in hex (RFC 5280 §4.1.2.2: at most 20 octets, not negative). */
export function randomSerial(bytes: Uint8Array): string {
  const copy = Uint8Array.from(bytes.subarray(0, 16));
  copy[0] = (copy[0] & 0x7f) | 0x01;
  return Buffer.from(copy).toString("hex");
}
