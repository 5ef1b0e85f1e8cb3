import { createSecureContext, type SecureContext } from "node:tls";
import { type CertificateAuthority, issueLeaf } from "../../pki/index.js";
import { FRONT_DOORS, type FrontDoorService, nameCovers } from "./front-doors.js";

/** The TLS identities of the front doors, one leaf per service, chosen by SNI. */
export interface SniContexts {
  /** The context whose leaf covers `serverName`, or undefined (unknown name). */
  contextFor(serverName: string): SecureContext | undefined;
  /** The service whose leaf covers `serverName`. */
  serviceFor(serverName: string): FrontDoorService | undefined;
  /** PEM of each service's leaf (for tests and `arclink ca`). */
  readonly leaves: ReadonlyMap<FrontDoorService, { certPem: string; keyPem: string }>;
}

/**
 * Issues a leaf from the data directory's CA for every front door (`*.his.arc.azure.com`,
 * `*.guestconfiguration.azure.com`, `*.dp.kubernetesconfiguration.azure.com`, Entra ID,
 * ARM) and indexes them by name. Exact names are looked up in a map; wildcards by their
 * parent zone, so choosing a context costs one or two map lookups.
 *
 * @example
 * const sni = await createSniContexts(ca, new Date());
 * tls.createServer({ SNICallback: (name, cb) => cb(null, sni.contextFor(name)) });
 */
export async function createSniContexts(ca: CertificateAuthority, now: Date): Promise<SniContexts> {
  const leaves = new Map<FrontDoorService, { certPem: string; keyPem: string }>();
  const exact = new Map<string, { context: SecureContext; service: FrontDoorService }>();
  const wildcard = new Map<string, { context: SecureContext; service: FrontDoorService }>();
  for (const door of FRONT_DOORS) {
    const leaf = await issueLeaf(ca, door.names, now);
    leaves.set(door.service, leaf);
    const entry = {
      context: createSecureContext({ cert: `${leaf.certPem}`, key: leaf.keyPem, minVersion: "TLSv1.2" }),
      service: door.service,
    };
    for (const n of door.names) (n.startsWith("*.") ? wildcard : exact).set(n.startsWith("*.") ? n.slice(2) : n, entry);
  }
  const find = (serverName: string) => {
    const name = serverName.toLowerCase().replace(/\.$/, "");
    const hit = exact.get(name);
    if (hit) return hit;
    const dot = name.indexOf(".");
    const parent = dot > 0 ? wildcard.get(name.slice(dot + 1)) : undefined;
    return parent && nameCovers(`*.${name.slice(dot + 1)}`, name) ? parent : undefined;
  };
  return {
    contextFor: (serverName) => find(serverName)?.context,
    serviceFor: (serverName) => find(serverName)?.service,
    leaves,
  };
}
