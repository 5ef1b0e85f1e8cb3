import { hybridComputeProvider } from "./hybrid-compute/index.js";
import { networkProvider } from "./network/index.js";
import { onPremisesProvider } from "./on-premises/index.js";
import type { Provider } from "./provider.js";
import { resourcesProvider } from "./resources/index.js";

/**
 * Every resource provider the ARM front serves, in one ordered list (STYLE.md §5):
 * nothing registers itself by being imported.
 */
export const PROVIDERS: readonly Provider[] = [
  resourcesProvider,
  hybridComputeProvider,
  networkProvider,
  onPremisesProvider,
];

export type { HandlerContext, Provider, PutInput, TypeHandler, WriteResult } from "./provider.js";
export { Registry } from "./registry.js";
