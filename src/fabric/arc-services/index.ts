export * from "./arc-doors.js";
export * from "./arc-routes.js";
export * from "./assertion.js";
export * from "./machine-auth.js";
export * from "./machine-key.js";
