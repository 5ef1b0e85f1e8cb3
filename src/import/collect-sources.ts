import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { Source } from "./read-source.js";
import { decodeText } from "./source-text.js";

/** A source that cannot be read at all (missing, too large): the CLI reports it as bad input. */
export class SourceError extends Error {}

/** The largest source read (bytes): bigger files are refused, not read in part. */
export const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

function walk(dir: string, out: string[], depth: number): void {
  if (depth > 8) return;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith(".") || name.toLowerCase().endsWith(".md")) continue;
    const path = join(dir, name);
    // The directory listing says what most entries are; a link is followed.
    const st = entry.isFile() || entry.isDirectory() ? entry : statSync(path);
    if (st.isDirectory()) walk(path, out, depth + 1);
    else if (st.isFile()) out.push(path);
  }
}

function read(path: string): string {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_SOURCE_BYTES)
      throw new SourceError(`The source '${path}' is ${size} bytes; the limit is ${MAX_SOURCE_BYTES}.`);
    return decodeText(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the sources of an import: files, and every file under a directory (hidden ones
 * skipped, and Markdown notes). Each source can read the files it names (named.conf's zone files and
 * includes), relative to its own folder or to a `directory` it sets, or by base name beside it.
 *
 * @example
 * collectSources(["exports/"]).map((s) => s.file)
 */
export function collectSources(paths: string[]): Source[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new SourceError(`Cannot read source '${p}': it does not exist.`);
    if (statSync(p).isDirectory()) walk(p, files, 0);
    else files.push(p);
  }
  return [...new Set(files)].map((file) => ({
    file,
    text: read(file),
    readRelative: (name: string, directory?: string) => {
      const here = dirname(file);
      const candidates = [
        ...(isAbsolute(name) ? [name] : [join(here, name)]),
        ...(directory && !isAbsolute(name)
          ? [join(isAbsolute(directory) ? directory : join(here, directory), name)]
          : []),
        join(here, name.split(/[\\/]/).pop() ?? name),
      ];
      const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
      return found ? { text: read(found), file: found } : undefined;
    },
  }));
}
