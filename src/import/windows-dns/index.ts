export * from "./dnscmd-enumzones.js";
export * from "./windows-dns-csv.js";
export * from "./windows-dns-json.js";
export * from "./windows-record.js";
export * from "./windows-values.js";
