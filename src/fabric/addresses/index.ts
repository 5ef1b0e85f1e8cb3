export * from "./address-rows.js";
export * from "./address-types.js";
export * from "./loopback-realization.js";
export * from "./service-port.js";
export * from "./world-addresses.js";
