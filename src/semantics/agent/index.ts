export * from "./agent-endpoints.js";
export * from "./agent-version.js";
export * from "./plan.js";
export * from "./proxy-bypass.js";
