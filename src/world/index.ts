export * from "./arm-id.js";
export * from "./catalog/arc-private-link.js";
export * from "./catalog/catalog.js";
export * from "./catalog/regions.js";
export * from "./resource.js";
export * from "./resource-types.js";
export * from "./snapshot-world.js";
export * from "./world.js";
