export * from "./client-hello.js";
export * from "./front-doors.js";
export * from "./sni-contexts.js";
