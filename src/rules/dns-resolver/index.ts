export { DNS_RESOLVER_RULES } from "./dns-resolver-rules.js";
export * from "./resolver-rules.js";
export * from "./ruleset-rules.js";
export * from "./types.js";
