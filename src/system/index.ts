export * from "./change-feed.js";
export * from "./load-world.js";
export * from "./system.js";
export * from "./write-path.js";
