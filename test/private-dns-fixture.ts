import { type Injector, inject, SUB } from "./helpers/inject.js";

export const RG = `/subscriptions/${SUB}/resourceGroups/rg-dns`;
export const NET = `${RG}/providers/Microsoft.Network`;
export const PDNS = "api-version=2024-06-01";
export const VNET_API = "api-version=2022-01-01";

/** An injector with resource group `rg-dns` and a vnet `hub` (10.10.0.0/16, subnets for the resolver). */
export async function dnsInject(): Promise<Injector> {
  const inj = await inject();
  const rg = await inj.call("PUT", `${RG}?api-version=2025-04-01`, { body: { location: "westeurope" } });
  if (rg.status >= 300) throw new Error(JSON.stringify(rg.body));
  await putVnet(inj, "hub", "10.10.0.0/16");
  return inj;
}

export async function putVnet(inj: Injector, name: string, prefix: string, location = "westeurope") {
  const octets = prefix.split("/")[0].split(".");
  const sub = (n: number) => `${octets[0]}.${octets[1]}.${n}.0/24`;
  const res = await inj.call("PUT", `${NET}/virtualNetworks/${name}?${VNET_API}`, {
    body: {
      location,
      properties: {
        addressSpace: { addressPrefixes: [prefix] },
        subnets: [
          { name: "pe", properties: { addressPrefix: sub(1) } },
          { name: "dns-in", properties: { addressPrefix: sub(2) } },
          { name: "dns-out", properties: { addressPrefix: sub(3) } },
        ],
      },
    },
  });
  if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  return res;
}
