export * from "./azcm-codes.js";
export * from "./config-properties.js";
export * from "./connect-flags.js";
