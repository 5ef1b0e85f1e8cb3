export * from "./azcmagent.js";
export * from "./host-draft.js";
export * from "./hosts-file.js";
export * from "./ipconfig.js";
