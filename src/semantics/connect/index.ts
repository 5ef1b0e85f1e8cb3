export * from "./connect.js";
export * from "./connect-calls.js";
export * from "./connect-source.js";
export * from "./connect-types.js";
