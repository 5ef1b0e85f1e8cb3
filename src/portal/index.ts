export * from "./events-route.js";
export * from "./generate-routes.js";
export * from "./portal-routes.js";
export * from "./portal-source.js";
export * from "./static-files.js";
export * from "./topology-graph.js";
export * from "./topology-layout.js";
export * from "./verify-cache.js";
