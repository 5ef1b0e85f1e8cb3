export * from "./heartbeat-ledger.js";
export * from "./status-keeper.js";
