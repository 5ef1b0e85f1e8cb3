export { MAX_YAML_DEPTH, tooDeepAt } from "../../world-file/yaml-depth.js";
export * from "./site-file.js";
