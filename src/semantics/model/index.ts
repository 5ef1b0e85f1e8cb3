export * from "./arc-private-endpoint.js";
export * from "./hybrid-compute.js";
export * from "./network.js";
export * from "./premises.js";
export * from "./private-dns.js";
export * from "./read-json.js";
