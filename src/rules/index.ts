import type { Rule } from "./rule.js";

/** Every write-time rule, in the order they are checked (STYLE.md §5). */
export const RULES: readonly Rule[] = [];

export { checkChanges } from "./check.js";
export * from "./errors.js";
export * from "./naming.js";
export * from "./read-only.js";
export type { Rule } from "./rule.js";
