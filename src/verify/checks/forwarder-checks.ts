import { DNS_SERVER_TYPE, readDnsServer } from "../../semantics/model/index.js";
import { AZURE_DNS_ADDRESS } from "../../semantics/net/index.js";
import { type Finding, finding } from "../finding.js";
import { isArcPrivateLinkName } from "./arc-zones.js";
import type { WorldCheck } from "./check-types.js";

/**
 * On-premises forwarders [DOC-PL, DOC-PEDNS, facts §6]: conditional forwarders must name
 * the public zones, not `privatelink.` ones; and 168.63.129.16 answers only inside a
 * vnet, so an on-premises server forwarding there gets no answer.
 */
export const forwarderCheck: WorldCheck = {
  name: "on-premises-forwarders",
  codes: ["ARC-FWD-PRIVATELINK", "ARC-FWD-AZURE-DNS"],
  run({ world }) {
    const out: Finding[] = [];
    for (const r of world.ofType(DNS_SERVER_TYPE)) {
      const server = readDnsServer(world, r.id);
      if (!server) continue;
      for (const f of server.conditionalForwarders) {
        if (isArcPrivateLinkName(f.domain)) {
          out.push(
            finding("ARC-FWD-PRIVATELINK", {
              resourceId: server.id,
              message: `DNS server "${server.id}" conditionally forwards "${f.domain}", a privatelink. name; forward "${f.domain.replace(/^privatelink\./i, "")}" instead.`,
            }),
          );
        }
        if (f.targets.includes(AZURE_DNS_ADDRESS)) {
          out.push(
            finding("ARC-FWD-AZURE-DNS", {
              resourceId: server.id,
              message: `DNS server "${server.id}" forwards "${f.domain}" to ${AZURE_DNS_ADDRESS}, which does not answer outside Azure.`,
            }),
          );
        }
      }
      if (server.forwarders.includes(AZURE_DNS_ADDRESS)) {
        out.push(
          finding("ARC-FWD-AZURE-DNS", {
            resourceId: server.id,
            message: `DNS server "${server.id}" forwards to ${AZURE_DNS_ADDRESS}, which does not answer outside Azure.`,
          }),
        );
      }
    }
    return out;
  },
};
