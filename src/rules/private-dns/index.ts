export * from "./link-rules.js";
export { PRIVATE_DNS_RULES } from "./private-dns-rules.js";
export * from "./record-set-rules.js";
export * from "./types.js";
export * from "./zone-rules.js";
