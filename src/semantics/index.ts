export * from "./access/index.js";
export * from "./agent/index.js";
export * from "./connect/index.js";
export * from "./dns/index.js";
export * from "./model/index.js";
export * from "./net/index.js";
