/** Azure host names the ARM front answers for, so clients that keep Azure's URLs can reach it. */
export const AZURE_HOST_NAMES = ["management.azure.com", "login.microsoftonline.com"] as const;

export interface InterfaceAddress {
  address: string;
}

const UNSPECIFIED = new Set(["0.0.0.0", "::"]);

/**
 * The names a server's leaf certificate covers: localhost, the loopback addresses, the
 * host it listens on, every address of the machine (a server on `0.0.0.0` is reached on
 * any of them), then Azure's ARM and login hosts. Unspecified addresses are dropped:
 * no client connects to them. Pass `os.networkInterfaces()` as `interfaces`.
 *
 * @example
 * serverNames("127.0.0.1", networkInterfaces()); // ["localhost", "127.0.0.1", "::1", "10.0.0.5", ..., "management.azure.com", ...]
 */
export function serverNames(host: string, interfaces: Record<string, InterfaceAddress[] | undefined>): string[] {
  const addresses = Object.values(interfaces)
    .flat()
    .filter((i): i is InterfaceAddress => i !== undefined)
    // An IPv6 zone (fe80::1%eth0) is not part of the address a certificate names.
    .map((i) => i.address.replace(/%.*$/, ""));
  const names = ["localhost", "127.0.0.1", "::1", host.replace(/^\[|\]$/g, ""), ...addresses, ...AZURE_HOST_NAMES];
  return [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => n !== "" && !UNSPECIFIED.has(n));
}
