export * from "./dns-server-draft.js";
