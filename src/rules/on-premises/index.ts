export { ON_PREMISES_RULES } from "./on-premises-rules.js";
export * from "./site-rules.js";
export * from "./types.js";
