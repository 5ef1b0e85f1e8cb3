export * from "./status-keeper.js";
