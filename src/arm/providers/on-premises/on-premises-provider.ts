import type { Provider } from "../provider.js";
import { dnsServers, hosts, proxies } from "./members.js";
import { ON_PREMISES_API_VERSIONS } from "./premises-handler.js";
import { sites } from "./sites.js";

/**
 * `Arclink.OnPremises`: the customer's premises as ARM resources (docs/premises.md),
 * served, stored and validated like the Azure types.
 */
export const onPremisesProvider: Provider = {
  namespace: "Arclink.OnPremises",
  apiVersions: ON_PREMISES_API_VERSIONS,
  types: [sites, dnsServers, proxies, hosts],
};
