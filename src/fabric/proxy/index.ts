export * from "./connect-proxy.js";
export * from "./site-proxies.js";
