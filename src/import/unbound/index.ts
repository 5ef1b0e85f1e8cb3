export * from "./unbound-conf.js";
