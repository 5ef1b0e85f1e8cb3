import type { Resource, World } from "../world/index.js";
import type { ArmError } from "./errors.js";

/**
 * A write-time rule: a documented limit Azure enforces, checked against the world
 * as it would be after a write. Rules are pure: no I/O, `now` is an argument.
 */
export interface Rule {
  /** Stable name, used in docs and tests. */
  readonly name: string;
  /** Where the rule is documented (a source key of ARC-PRIVATE-LINK-FACTS.md). */
  readonly source: string;
  /** Resource types whose writes trigger this rule (case-insensitive); `*` for all. */
  readonly types: readonly string[];
  /** Checks a resource being created or replaced. `previous` is its state before the write. */
  checkPut?(after: World, resource: Resource, previous: Resource | undefined, now: Date): ArmError | undefined;
  /** Checks a deletion. `before` still holds the resource; `after` no longer does. */
  checkDelete?(before: World, after: World, resource: Resource, now: Date): ArmError | undefined;
}
