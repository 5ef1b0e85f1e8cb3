export * from "./arm-template.js";
export * from "./azure-entries.js";
export * from "./azure-json.js";
export * from "./raw-resource.js";
export * from "./template-expression.js";
