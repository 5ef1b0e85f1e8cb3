export * from "./dns-resources.js";
export * from "./hybrid-resources.js";
export * from "./network-resources.js";
export * from "./premises-resources.js";
export * from "./resource-ids.js";
export * from "./world-builder.js";
