/**
 * Quoting for the scripts the generators write. Values from the world or the command
 * line (resource ids, tags, names) go into single quotes, where neither shell expands
 * anything, so no value can run as code.
 *
 * @example
 * bashQuote("it's") // → 'it'\''s'
 * psQuote("it's")   // → 'it''s'
 */
export function bashQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell verbatim string: a single quote is doubled. */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, "$&$&")}'`;
}

/** A double-quoted string for DNS server configs (named.conf, unbound.conf): no quotes or backslashes inside. */
export function confQuote(value: string): string {
  if (/["\\\s]/.test(value)) throw new Error(`Cannot quote '${value}' for a DNS server configuration.`);
  return `"${value}"`;
}

/** An environment variable name a script can read safely. */
export function isEnvName(value: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value);
}
