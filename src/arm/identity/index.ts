export * from "./audiences.js";
export * from "./metadata-endpoints.js";
export * from "./oauth-errors.js";
export * from "./openid-configuration.js";
export * from "./routes.js";
export * from "./token-endpoint.js";
export * from "./token-request.js";
export * from "./tokens.js";
