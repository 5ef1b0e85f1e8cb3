export * from "./named-conf.js";
export * from "./named-conf-syntax.js";
export * from "./zone-file.js";
