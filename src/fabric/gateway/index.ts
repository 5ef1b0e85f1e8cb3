export * from "./decider.js";
export * from "./gateway.js";
export * from "./gateway-limits.js";
export * from "./live-connection.js";
export * from "./read-request.js";
export * from "./wire-actions.js";
