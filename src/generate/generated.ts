/**
 * What every generator returns: the text a person installs (a hosts file, a zone file,
 * a script) and the same content as data for `--json`, plus warnings about the world
 * (an endpoint not approved, a name missing) that do not stop the output.
 */
export interface Generated<T> {
  /** The generator's name, e.g. `hosts`. */
  kind: string;
  text: string;
  data: T;
  warnings: string[];
  /** What the generator chose for the user (a default it picked), one sentence each. */
  notes?: string[];
}

/** Joins lines with `\n` (or `\r\n` for Windows files) and ends the text with a line break. */
export function joinLines(lines: readonly string[], eol: "\n" | "\r\n" = "\n"): string {
  return `${lines.join(eol)}${eol}`;
}
