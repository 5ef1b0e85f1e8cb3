export * from "./operations.js";
export * from "./principals.js";
export * from "./store.js";
