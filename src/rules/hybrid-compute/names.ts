import type { NamePattern } from "../naming.js";

/**
 * Name rules of Microsoft.HybridCompute resources. The swagger's scope pattern
 * `[a-zA-Z0-9-_\.]+` is unanchored [SPEC-PLS]; the CLI extension uses the same
 * [CLI-EXT]. Here it is anchored, as ARM's router matches whole segments. No maximum
 * length is documented for scopes; 255 is ARM's generic ceiling for a name segment.
 */
export const SCOPE_NAME: NamePattern = {
  pattern: /^[a-zA-Z0-9\-_.]+$/u,
  min: 1,
  max: 255,
  describe: "letters, digits, hyphens, underscores and periods",
};

/** `machineName` pattern `^[a-zA-Z0-9-_\.]{1,54}$` [SPEC-PLS, validation-for-machine parameter]. */
export const MACHINE_NAME: NamePattern = {
  pattern: /^[a-zA-Z0-9\-_.]{1,54}$/u,
  min: 1,
  max: 54,
  describe: "letters, digits, hyphens, underscores and periods",
};
