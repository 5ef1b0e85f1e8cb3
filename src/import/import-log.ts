/**
 * What an import tells its user besides the world: input it could not read (with file,
 * line and what it expected), resources it kept aside, and every assumption it made.
 * Nothing is dropped or guessed without an entry here.
 */

/** Input that could not be read: `file:line: expected …, found …`. */
export interface Problem {
  file: string;
  line: number;
  expected: string;
  found?: string;
}

/** A resource or statement that was read but is not part of the world, and why. */
export interface SetAside {
  file: string;
  line: number;
  what: string;
  reason: string;
}

/** A fact the exports did not give, and the value import chose for it. */
export interface Assumption {
  subject: string;
  assumed: string;
  /** How to state the fact instead (a site file key or a flag). */
  fix: string;
}

export class ImportLog {
  readonly problems: Problem[] = [];
  readonly setAside: SetAside[] = [];
  readonly assumptions: Assumption[] = [];

  problem(file: string, line: number, expected: string, found?: string): void {
    this.problems.push(found === undefined ? { file, line, expected } : { file, line, expected, found });
  }

  aside(file: string, line: number, what: string, reason: string): void {
    this.setAside.push({ file, line, what, reason });
  }

  assume(subject: string, assumed: string, fix: string): void {
    this.assumptions.push({ subject, assumed, fix });
  }
}

/** `file:line: expected X, found Y` — the one way problems are printed. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: expected ${p.expected}${p.found === undefined ? "" : `, found ${p.found}`}`;
}

/** Shortens a found value for a message: quoted, at most 60 characters. */
export function shown(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(v);
}
