export * from "./check-types.js";
export * from "./forwarder-checks.js";
export * from "./hosts-file-checks.js";
export * from "./scope-checks.js";
export * from "./shared-resolver-check.js";
export * from "./world-checks.js";
export * from "./zone-checks.js";
