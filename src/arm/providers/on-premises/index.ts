export { dnsServers, hosts, proxies } from "./members.js";
export { onPremisesProvider } from "./on-premises-provider.js";
export { ON_PREMISES_API_VERSIONS, ON_PREMISES_LOCATION, premisesType } from "./premises-handler.js";
export { sites } from "./sites.js";
