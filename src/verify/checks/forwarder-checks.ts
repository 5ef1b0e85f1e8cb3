import { dnsListenerAt } from "../../semantics/dns/index.js";
import { DNS_SERVER_TYPE, isArcPrivateLinkName, readDnsServer } from "../../semantics/model/index.js";
import { answersOnlyInsideAzure } from "../../semantics/net/index.js";
import { type Finding, finding } from "../finding.js";
import type { WorldCheck } from "./check-types.js";

/**
 * On-premises forwarders [DOC-PL, DOC-PEDNS, facts §6]: conditional forwarders must name
 * the public zones, not `privatelink.` ones; and a server forwarding to Azure's platform
 * address gets no answer — the semantics say so (`dnsListenerAt` from the server).
 */
export const forwarderCheck: WorldCheck = {
  name: "on-premises-forwarders",
  codes: ["ARC-FWD-PRIVATELINK", "ARC-FWD-AZURE-DNS"],
  run({ world, now }) {
    const out: Finding[] = [];
    for (const r of world.ofType(DNS_SERVER_TYPE)) {
      const server = readDnsServer(world, r.id);
      if (!server) continue;
      const silent = (target: string) =>
        answersOnlyInsideAzure(target) &&
        !dnsListenerAt(world, { kind: "premises", id: server.id }, target, now).answers;
      for (const f of server.conditionalForwarders) {
        if (isArcPrivateLinkName(f.domain)) {
          out.push(
            finding("ARC-FWD-PRIVATELINK", {
              resourceId: server.id,
              message: `DNS server "${server.id}" conditionally forwards "${f.domain}", a privatelink. name; forward "${f.domain.replace(/^privatelink\./i, "")}" instead.`,
            }),
          );
        }
        for (const target of f.targets.filter(silent).slice(0, 1)) {
          out.push(
            finding("ARC-FWD-AZURE-DNS", {
              resourceId: server.id,
              message: `DNS server "${server.id}" forwards "${f.domain}" to ${target}, which does not answer outside Azure.`,
            }),
          );
        }
      }
      for (const target of server.forwarders.filter(silent).slice(0, 1)) {
        out.push(
          finding("ARC-FWD-AZURE-DNS", {
            resourceId: server.id,
            message: `DNS server "${server.id}" forwards to ${target}, which does not answer outside Azure.`,
          }),
        );
      }
    }
    return out;
  },
};
