export * from "./azcm/index.js";
export * from "./lifecycle/index.js";
export * from "./state/index.js";
export * from "./wire/index.js";
