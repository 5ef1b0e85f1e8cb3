export * from "./site-file.js";
