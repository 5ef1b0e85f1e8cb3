import type { EncodedAnswer } from "./response-encode.js";

/** Entries per entity before the cache stops growing (answers are still computed, not kept). */
export const MAX_ENTRIES_PER_ENTITY = 100_000;

/**
 * Encoded answers of one snapshot version, per entity and question. A new version
 * brings a new cache (the plane swaps the reference), so an answer never outlives the
 * world it was computed from. The key is the lower-cased name, the type and whether
 * the query had EDNS; the question's exact bytes are patched in when sending.
 */
export class AnswerCache {
  readonly version: number;
  #byEntity = new Map<string, Map<string, EncodedAnswer>>();

  constructor(version: number) {
    this.version = version;
  }

  static key(name: string, qtype: number, edns: boolean): string {
    return `${qtype}${edns ? "e" : "p"}${name}`;
  }

  get(entity: string, key: string): EncodedAnswer | undefined {
    return this.#byEntity.get(entity)?.get(key);
  }

  set(entity: string, key: string, answer: EncodedAnswer): void {
    let answers = this.#byEntity.get(entity);
    if (!answers) {
      answers = new Map();
      this.#byEntity.set(entity, answers);
    }
    if (answers.size < MAX_ENTRIES_PER_ENTITY) answers.set(key, answer);
  }

  get size(): number {
    let n = 0;
    for (const m of this.#byEntity.values()) n += m.size;
    return n;
  }
}
