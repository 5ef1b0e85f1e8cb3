export * from "./cidr.js";
export * from "./egress-firewall.js";
export * from "./nsg.js";
export * from "./occupant.js";
export * from "./reach.js";
export * from "./reach-types.js";
export * from "./service-tag-match.js";
export * from "./topology.js";
