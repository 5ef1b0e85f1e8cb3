export * from "./dnsmasq-conf.js";
