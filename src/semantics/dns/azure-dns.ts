import type { World } from "../../world/world.js";
import {
  type ForwardingRule,
  forwardingRulesFor,
  type LinkedZone,
  rulesetOutboundSubnet,
  zoneRecordsAt,
  zonesLinkedTo,
} from "../model/private-dns.js";
import { isAtOrUnder } from "../model/read-json.js";
import type { Source } from "../net/reach-types.js";
import type { DnsRecord, Outcome, RecordType } from "./dns-types.js";
import { answerAt, depthGuard, endsInCname, type LookupContext, SERVFAIL, step } from "./lookup-context.js";
import { publicStep } from "./public-internet.js";

/** What Azure DNS in a vnet consults for a name, first match wins. A closed union. */
export type AzureDnsAuthority =
  | { kind: "forwarding-rule"; rule: ForwardingRule }
  | { kind: "private-zone"; zone: LinkedZone }
  | { kind: "public" };

/**
 * Which source Azure DNS (or a resolver inbound endpoint) in `vnetId` answers `name`
 * from [facts §6, SPEC-PDNS, DOC-PDNS]: an enabled forwarding rule of a ruleset linked to
 * the vnet (the longest domain) wins over private zones linked to the vnet (the longest
 * zone containing the name), which win over public resolution. The precedence, once.
 *
 * @example
 * azureDnsAuthority(world, hubId, "gbl.privatelink.his.arc.azure.com").kind // "private-zone"
 */
export function azureDnsAuthority(world: World, vnetId: string, name: string): AzureDnsAuthority {
  const rule = forwardingRulesFor(world, vnetId)
    .filter((r) => r.enabled && isAtOrUnder(name, r.domain))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
  if (rule) return { kind: "forwarding-rule", rule };
  const zone = zonesLinkedTo(world, vnetId)
    .filter((z) => isAtOrUnder(name, z.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  return zone ? { kind: "private-zone", zone } : { kind: "public" };
}

/**
 * Azure-provided DNS (168.63.129.16) for queries from inside one vnet, which is also
 * how a DNS Private Resolver inbound endpoint answers:
 * 1. forwarding rulesets linked to the vnet — the enabled rule with the longest domain wins [facts §6];
 * 2. private zones linked to the vnet — the longest zone containing the name; a name the
 *    zone lacks is NXDOMAIN unless the link's `resolutionPolicy` is `NxDomainRedirect` [SPEC-PDNS, DOC-PDNS];
 * 3. the public internet.
 * CNAMEs are chased through all three again, so a public CNAME into a `privatelink.`
 * name lands in the linked private zone [DOC-PEDNS].
 */
export function resolveAtAzureDns(
  ctx: LookupContext,
  vnetId: string,
  name: string,
  type: RecordType,
  depth: number,
): Outcome {
  const at = `azure-dns ${vnetId}`;
  const guard = depthGuard(ctx, at, name, depth);
  if (guard) return guard;
  const chase = (target: string) => resolveAtAzureDns(ctx, vnetId, target, type, depth + 1);

  const authority = azureDnsAuthority(ctx.world, vnetId, name);
  if (authority.kind === "forwarding-rule") {
    const { rule } = authority;
    step(
      ctx,
      "forwarding-rule",
      at,
      name,
      `rule "${rule.id}" forwards "${rule.domain}." to ${rule.targets.map((t) => `${t.ipAddress}:${t.port}`).join(", ")}`,
    );
    const subnetId = rulesetOutboundSubnet(ctx.world, rule.rulesetId);
    const source: Source = subnetId
      ? { kind: "subnet", subnetId }
      : { kind: "virtual-network", virtualNetworkId: vnetId };
    for (const target of rule.targets) {
      const outcome = ctx.ask(source, target.ipAddress, target.port, name, type, depth + 1);
      if (outcome && outcome.rcode !== "SERVFAIL") {
        const next = endsInCname(outcome, type);
        if (!next) return outcome;
        const rest = chase(next);
        return { rcode: rest.rcode, answers: [...outcome.answers, ...rest.answers] };
      }
    }
    step(ctx, "no-server-answered", at, name, "no forwarding target answered");
    return SERVFAIL;
  }

  if (authority.kind === "private-zone") {
    const { zone } = authority;
    const relative = name === zone.name ? "@" : name.slice(0, name.length - zone.name.length - 1);
    const found = zoneRecordsAt(ctx.world, zone.zoneId, relative);
    if (found) {
      const records: DnsRecord[] = found.map((r) => ({ name, ...r }));
      step(
        ctx,
        "private-zone",
        at,
        name,
        `linked zone "${zone.name}" has ${records.map((r) => `${r.type} ${r.data}`).join(", ") || "no records of these types"}`,
      );
      return answerAt(ctx, at, name, type, records, chase);
    }
    if (zone.resolutionPolicy !== "NxDomainRedirect") {
      step(ctx, "private-zone", at, name, `linked zone "${zone.name}" has no "${relative}": NXDOMAIN`);
      return { rcode: "NXDOMAIN", answers: [] };
    }
    step(
      ctx,
      "nxdomain-redirect",
      at,
      name,
      `linked zone "${zone.name}" has no "${relative}"; link "${zone.linkId}" redirects to public resolution`,
    );
  }
  return publicStep(ctx, at, name, type, chase);
}
