import { INBOUND_TYPE, OUTBOUND_TYPE, RESOLVER_TYPE } from "../../../rules/dns-resolver/index.js";
import { ArmError } from "../../../rules/index.js";
import { readSubnet } from "../../../semantics/model/network.js";
import { usedAddresses } from "../../../semantics/model/subnet-addresses.js";
import { firstFreeIn } from "../../../semantics/net/cidr.js";
import { arrayAt, badRequest, enumAt, ipv4At, type Json, knownObject, refAt } from "../private-dns/body.js";
import { resolverType } from "./resolver-handler.js";

/** `Microsoft.Network/dnsResolvers` [JS-DNSR, facts §6]: a resolver in one virtual network. */
export const dnsResolvers = resolverType({
  type: RESOLVER_TYPE,
  kind: "tracked",
  model: "DnsResolver",
  readOnly: ["dnsResolverState", "provisioningState", "resourceGuid"],
  asyncPut: true,
  build(_ctx, props, _id, existing) {
    knownObject(props, ["virtualNetwork"], "DnsResolverProperties", "properties");
    const vnetId = refAt(props.virtualNetwork, "properties.virtualNetwork", true) ?? "";
    const before = (existing?.properties.virtualNetwork as Json | undefined)?.id;
    if (typeof before === "string" && before.toLowerCase() !== vnetId.toLowerCase()) {
      throw new ArmError(
        "PropertyChangeNotAllowed",
        `The virtual network of DNS resolver '${existing?.name}' is '${before}' and cannot be changed to '${vnetId}'.`,
        "properties.virtualNetwork.id",
      );
    }
    return { virtualNetwork: { id: vnetId }, dnsResolverState: "Connected" };
  },
});

/**
 * `dnsResolvers/inboundEndpoints` [JS-DNSR]: one IP configuration in a dedicated subnet.
 * `Dynamic` (the default) takes the first free address after Azure's four reserved
 * ones; `Static` keeps the given address, which a rule checks is in the subnet and free.
 */
export const inboundEndpoints = resolverType({
  type: INBOUND_TYPE,
  kind: "tracked",
  model: "InboundEndpoint",
  readOnly: ["provisioningState", "resourceGuid"],
  asyncPut: true,
  build(ctx, props, id, existing) {
    knownObject(props, ["ipConfigurations"], "InboundEndpointProperties", "properties");
    const configs = arrayAt(props.ipConfigurations, "properties.ipConfigurations") ?? [];
    if (configs.length !== 1) {
      throw badRequest(
        `An inbound endpoint needs exactly one IP configuration; ${configs.length} were given.`,
        "properties.ipConfigurations",
      );
    }
    const at = "properties.ipConfigurations[0]";
    const c =
      knownObject(configs[0], ["subnet", "privateIpAddress", "privateIpAllocationMethod"], "IpConfiguration", at) ?? {};
    const subnetId = refAt(c.subnet, `${at}.subnet`, true) ?? "";
    const method =
      enumAt(c.privateIpAllocationMethod, `${at}.privateIpAllocationMethod`, ["Static", "Dynamic"] as const) ??
      "Dynamic";
    let address = ipv4At(c.privateIpAddress, `${at}.privateIpAddress`, method === "Static");
    if (method === "Dynamic") {
      const previous = (existing?.properties.ipConfigurations as Json[] | undefined)?.[0];
      const kept =
        previous && String((previous.subnet as Json)?.id).toLowerCase() === subnetId.toLowerCase()
          ? previous.privateIpAddress
          : undefined;
      // The one allocator (semantics/model/subnet-addresses + net/cidr): lowest free after the reserved.
      const prefixes = readSubnet(ctx.world, subnetId)?.addressPrefixes ?? [];
      address =
        (kept as string | undefined) ??
        firstFreeIn(prefixes, new Set(usedAddresses(ctx.world, subnetId, [id.id]).keys()));
      if (prefixes.length > 0 && !address) {
        throw new ArmError(
          "QuotaExceeded",
          `The subnet '${subnetId}' has no free address left for inbound endpoint '${id.name}'.`,
          `${at}.subnet`,
        );
      }
    }
    return {
      ipConfigurations: [{ subnet: { id: subnetId }, privateIpAddress: address, privateIpAllocationMethod: method }],
    };
  },
});

/** `dnsResolvers/outboundEndpoints` [JS-DNSR]: the subnet forwarded queries leave from. */
export const outboundEndpoints = resolverType({
  type: OUTBOUND_TYPE,
  kind: "tracked",
  model: "OutboundEndpoint",
  readOnly: ["provisioningState", "resourceGuid"],
  asyncPut: true,
  build(_ctx, props) {
    knownObject(props, ["subnet"], "OutboundEndpointProperties", "properties");
    return { subnet: { id: refAt(props.subnet, "properties.subnet", true) } };
  },
});
