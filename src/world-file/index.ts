export * from "./apply.js";
export * from "./export.js";
export * from "./order.js";
export * from "./parse.js";
