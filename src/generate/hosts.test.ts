import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ARC_IDS,
  ARC_IPS,
  arcPrivateLinkResources,
  arcPrivateLinkWorld,
  host,
  privateEndpoint,
  virtualNetwork,
  withProperties,
} from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";
import { generateHosts } from "./hosts.js";

const lines = (text: string) => text.split(/\r?\n/);

test("a Linux host's file maps every Arc name of its scope's region to the endpoint its site reaches", () => {
  const out = generateHosts(arcPrivateLinkWorld(), { host: "srv1" });
  const l = lines(out.text);
  assert.equal(l[0], "# /etc/hosts");
  assert.ok(l.includes(`${ARC_IPS.gbl}  gbl.his.arc.azure.com`));
  assert.ok(l.includes(`${ARC_IPS.his}  weu.his.arc.azure.com`));
  assert.ok(l.includes(`${ARC_IPS.agentserviceapi}  agentserviceapi.guestconfiguration.azure.com`));
  assert.ok(l.includes(`${ARC_IPS.gas}  westeurope-gas.guestconfiguration.azure.com`));
  assert.ok(l.includes(`${ARC_IPS.dp}  westeurope.dp.kubernetesconfiguration.azure.com`), "published, so included");
  assert.ok(!out.text.includes("\r\n"));
  assert.equal(out.data.privateEndpointId, ARC_IDS.pe);
  assert.equal(out.data.region, "westeurope");
  assert.deepEqual(out.warnings, []);
});

test("Windows syntax: the Windows path in the header, CRLF line ends; Kubernetes left out on request", () => {
  const out = generateHosts(arcPrivateLinkWorld(), { host: "srv1", os: "windows", kubernetes: false });
  assert.ok(out.text.startsWith("# C:\\Windows\\System32\\drivers\\etc\\hosts\r\n"));
  assert.ok(out.text.endsWith("westeurope-gas.guestconfiguration.azure.com\r\n"));
  assert.ok(!out.text.includes("kubernetesconfiguration"));
  assert.equal(out.data.lines.length, 4);
});

test("--private-endpoint instead of a host needs only the OS", () => {
  const out = generateHosts(arcPrivateLinkWorld(), { privateEndpoint: ARC_IDS.pe, os: "linux" });
  assert.equal(out.data.hostId, undefined);
  assert.equal(out.data.lines[0].fqdn, "gbl.his.arc.azure.com");
  assert.throws(
    () => generateHosts(arcPrivateLinkWorld(), { privateEndpoint: "arc-pe" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.InvalidOption && /pass --os windows or --os linux/.test(e.message),
  );
});

test("picks the endpoint in the vnet the host's site connects to, not another one of the scope", () => {
  const at = {
    subscriptionId: "00000000-0000-0000-0000-00000000a11c",
    resourceGroup: "rg-arc",
    location: "westeurope",
  };
  const far = [
    virtualNetwork(
      "spoke",
      { addressPrefixes: ["10.20.0.0/16"], subnets: [{ name: "pe", addressPrefix: "10.20.1.0/24" }] },
      at,
    ),
    privateEndpoint(
      "aaa-pe",
      {
        subnetId: `/subscriptions/${at.subscriptionId}/resourceGroups/rg-arc/providers/Microsoft.Network/virtualNetworks/spoke/subnets/pe`,
        scopeId: ARC_IDS.scope,
        status: "Approved",
        records: [{ fqdn: "gbl.his.arc.azure.com", ip: "10.20.1.4" }],
      },
      at,
    ),
  ];
  const out = generateHosts(new MapWorld([...arcPrivateLinkResources(), ...far]), { host: "srv1" });
  assert.equal(out.data.privateEndpointId, ARC_IDS.pe);
  assert.match(out.text, /^10\.10\.1\.4 {2}gbl\.his\.arc\.azure\.com$/m);
});

test("warns about a missing name and about a hosts-file line that would shadow the private address", () => {
  const resources = withProperties(
    arcPrivateLinkResources({ hostsFile: "127.0.0.1 localhost\n20.21.32.9 gbl.his.arc.azure.com\n" }),
    ARC_IDS.pe,
    {
      customDnsConfigs: [
        { fqdn: "gbl.his.arc.azure.com", ipAddresses: [ARC_IPS.gbl] },
        { fqdn: "agentserviceapi.guestconfiguration.azure.com", ipAddresses: [ARC_IPS.agentserviceapi] },
      ],
    },
  );
  const out = generateHosts(new MapWorld(resources), { host: "srv1" });
  assert.equal(out.data.lines.length, 2);
  const w = out.warnings.join("\n");
  assert.match(w, /publishes no address for 'weu\.his\.arc\.azure\.com'/);
  assert.match(w, /publishes no address for 'westeurope-gas\.guestconfiguration\.azure\.com'/);
  assert.doesNotMatch(w, /kubernetesconfiguration/, "optional and not published: no warning");
  assert.match(w, /maps 'gbl\.his\.arc\.azure\.com' to 20\.21\.32\.9 \(line 2\); remove that line/);
  const asked = generateHosts(new MapWorld(resources), { host: "srv1", kubernetes: true });
  assert.match(asked.warnings.join("\n"), /no address for 'westeurope\.dp\.kubernetesconfiguration\.azure\.com'/);
});

test("a host without a machine needs a scope or an endpoint; with --private-link-scope it works", () => {
  const resources = [
    ...arcPrivateLinkResources(),
    host(ARC_IDS.site, "new1", { address: "192.168.0.30", os: "windows", dnsServers: [] }),
  ];
  const world = new MapWorld(resources);
  assert.throws(
    () => generateHosts(world, { host: "new1" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.NotAssociated && /host 'new1' has no machine yet/.test(e.message),
  );
  const out = generateHosts(world, { host: "new1", privateLinkScope: "arc-pls" });
  assert.equal(out.data.os, "windows");
  assert.equal(out.data.lines[0].ip, ARC_IPS.gbl);
});

test("unknown host, unknown OS and a scope without endpoints are errors", () => {
  const world = arcPrivateLinkWorld();
  assert.throws(
    () => generateHosts(world, { host: "ghost" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.NotFound && /Host 'ghost'/.test(e.message),
  );
  assert.throws(
    () => generateHosts(world, { host: "srv1", os: "macos" }),
    /Invalid value for --os: 'macos'\. Expected one of: windows, linux\./,
  );
  const noPe = new MapWorld(arcPrivateLinkResources().filter((r) => r.id !== ARC_IDS.pe));
  assert.throws(
    () => generateHosts(noPe, { host: "srv1" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.NothingToGenerate,
  );
});
