export * from "./ca.js";
