import type { Rule } from "../rule.js";
import { siteAddressSpaceNoOverlap, siteConnectionsExist, siteMemberAddresses } from "./site-rules.js";

/** The premises rules, in the order they are checked. */
export const ON_PREMISES_RULES: readonly Rule[] = [
  siteConnectionsExist,
  siteAddressSpaceNoOverlap,
  siteMemberAddresses,
];
