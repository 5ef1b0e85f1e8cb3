export { type AzureDnsAuthority, azureDnsAuthority } from "./azure-dns.js";
export * from "./dns-inputs.js";
export * from "./dns-listener.js";
export * from "./dns-types.js";
export * from "./hosts-file.js";
export * from "./lookup-context.js";
export * from "./public-names.js";
export * from "./resolve.js";
