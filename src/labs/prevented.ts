import { TYPES } from "./default-world.js";
import type { LabWorld } from "./lab-world.js";

/** A documented mistake the ARM API refuses: no valid world holds it, so it is no lab. */
export interface PreventedMistake {
  mistake: string;
  rule: string;
  /** The ARM error code the write is refused with. */
  errorCode: string;
  /** Changes the default world to make the mistake (the conformance test applies it and expects `errorCode`). */
  patch(world: LabWorld): void;
}

/** Mistakes from the docs that arclink refuses at write time, as Azure does (docs/labs.md lists them). */
export const PREVENTED_AT_WRITE_TIME: readonly PreventedMistake[] = [
  {
    mistake: "A second Arc private link scope's private endpoint in a virtual network that already has one",
    rule: "At most one Arc private link scope per virtual network [DOC-PL §3.1]",
    errorCode: "OnlyOnePrivateLinkScopePerVirtualNetwork",
    patch(w) {
      const scope = w.find(TYPES.scope);
      const pe = w.find(TYPES.privateEndpoint);
      const second = w.add(
        w.idBeside(scope, TYPES.scope, "arc-pls-2"),
        { location: scope.raw.location, properties: { publicNetworkAccess: "Disabled" } },
        "a second scope",
      );
      w.add(
        w.idBeside(pe, TYPES.privateEndpoint, "arc-pe-2"),
        {
          location: pe.raw.location,
          properties: {
            subnet: structuredClone(w.properties(pe).subnet),
            privateLinkServiceConnections: [
              { name: "arc-pe-2", properties: { privateLinkServiceId: second.id, groupIds: ["hybridcompute"] } },
            ],
          },
        },
        "its endpoint in the hub, beside the first scope's",
      );
    },
  },
  {
    mistake: "A machine associated with a scope in another region",
    rule: "Machine and scope must be in the same region [DOC-PL §3.3]",
    errorCode: "InvalidPrivateLinkScopeLocation",
    patch(w) {
      const machine = w.find(TYPES.machine, "web01");
      machine.raw.location = "eastus";
      machine.note = "in East US, its scope in West Europe";
    },
  },
  {
    mistake: "A private DNS zone named after the zone group config, privatelink-his-arc-azure-com",
    rule: "A private zone name needs at least two labels [DOC-PDNS]",
    errorCode: "InvalidResourceName",
    patch(w) {
      const zone = w.find(TYPES.zone, "privatelink.his.arc.azure.com");
      w.add(w.idBeside(zone, TYPES.zone, "privatelink-his-arc-azure-com"), { location: "global" }, "hyphenated");
    },
  },
];
