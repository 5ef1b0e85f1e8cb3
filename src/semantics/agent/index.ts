export * from "./agent-endpoints.js";
export * from "./agent-version.js";
export * from "./extension-dependencies.js";
export * from "./host-endpoints.js";
export * from "./plan.js";
export * from "./proxy-bypass.js";
