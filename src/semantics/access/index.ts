export * from "./access-types.js";
export * from "./decide.js";
