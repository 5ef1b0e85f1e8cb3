export * from "./site-file.js";
export * from "./yaml-depth.js";
