import type { WorldCheck } from "./check-types.js";
import { forwarderCheck } from "./forwarder-checks.js";
import { hostsFileCheck } from "./hosts-file-checks.js";
import { pendingConnectionCheck, regionCheck, scopePerVnetCheck } from "./scope-checks.js";
import { sharedResolverCheck } from "./shared-resolver-check.js";
import { sharedZoneCheck, zoneLinkCheck, zoneNameCheck } from "./zone-checks.js";

/** Every world-wide check, in the order findings are reported (STYLE.md §5: one ordered list). */
export const WORLD_CHECKS: readonly WorldCheck[] = [
  // Scopes and endpoints [DOC-PL §3.1, §3.3; SPEC-PLS].
  scopePerVnetCheck,
  regionCheck,
  pendingConnectionCheck,
  // DNS zones: names, links, sharing [DOC-PEDNS, DOC-PDNS, DOC-PL §3.5–3.6].
  zoneNameCheck,
  zoneLinkCheck,
  sharedZoneCheck,
  sharedResolverCheck,
  // On-premises DNS and hosts files [DOC-PL §8, facts §6].
  forwarderCheck,
  hostsFileCheck,
];
