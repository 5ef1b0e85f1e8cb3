import { type ImportLog, shown } from "./import-log.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import { lineOfOffset } from "./source-text.js";

/**
 * Parses JSON; a syntax error becomes a problem at its line (V8 names the position) and
 * the result is undefined. Never throws.
 *
 * @example
 * parseJson('{"a":1}', "x.json", log) // → { a: 1 }
 */
export function parseJson(text: string, file: string, log: ImportLog): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Math.max(0, jsonErrorOffset(text));
    const near = text.slice(offset, offset + 20);
    log.problem(
      file,
      lineOfOffset(text, offset),
      "valid JSON",
      `${message.split(/[,:] "|\.\.\.| in JSON| at position/)[0]} near ${shown(near)}`,
    );
    return undefined;
  }
}

/**
 * The line of the first `"key": "value"` of each value, for every occurrence of `key` in
 * one pass: the line of a resource in a large export is the line of its `"id"`.
 * Keys of the map are lower-cased values.
 */
export function linesOfKey(text: string, key: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, "g");
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let i = from; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    from = m.index;
    const value = m[1].toLowerCase();
    if (!out.has(value)) out.set(value, line);
  }
  return out;
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A member read case-insensitively (PowerShell and az spell members in either case). */
export function member(o: Json, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

export function text(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}
