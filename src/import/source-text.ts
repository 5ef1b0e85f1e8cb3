/**
 * Turns the bytes of an export into text: UTF-8 (with or without BOM) or UTF-16 with a
 * BOM — what Windows PowerShell 5.1's `Out-File` and `>` write by default
 * [about_Character_Encoding]. Invalid UTF-8 decodes with U+FFFD, so no input throws.
 *
 * @example
 * decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00])) // → "A"
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Lines without their terminators (`\n` or `\r\n`), 1-based through the index + 1. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/** A dotted-quad IPv4 address, each part 0–255, no leading zeros. */
export function isIpv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}
