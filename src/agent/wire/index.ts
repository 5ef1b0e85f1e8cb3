export * from "./https-call.js";
export * from "./name-lookup.js";
export * from "./realized-address.js";
