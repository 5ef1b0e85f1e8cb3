export { resourcesProvider } from "./resources.js";
