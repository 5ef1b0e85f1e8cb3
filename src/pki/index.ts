export * from "./ca.js";
export * from "./leaf.js";
export * from "./server-names.js";
