import type { Rule } from "../rule.js";
import {
  linkLimits,
  linkTargetExists,
  nxDomainRedirectPrivatelinkOnly,
  oneLinkPerZoneAndVnet,
  singleRegistrationZone,
} from "./link-rules.js";
import { cnameExclusive, recordSetLimits } from "./record-set-rules.js";
import { soaRecordSetPermanent, zoneDeleteNeedsNoLinks, zonesPerSubscription } from "./zone-rules.js";

/** The private DNS rules, in the order they are checked. */
export const PRIVATE_DNS_RULES: readonly Rule[] = [
  zonesPerSubscription,
  zoneDeleteNeedsNoLinks,
  soaRecordSetPermanent,
  cnameExclusive,
  recordSetLimits,
  linkTargetExists,
  oneLinkPerZoneAndVnet,
  singleRegistrationZone,
  linkLimits,
  nxDomainRedirectPrivatelinkOnly,
];
