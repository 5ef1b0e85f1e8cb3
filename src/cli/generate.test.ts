import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ARC_IDS, arcPrivateLinkResources } from "../semantics/testing/index.js";
import { Store } from "../store/index.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-arc`;

function arclink(args: string[]) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** One line on stderr, `arclink: ...`, and exit 2. */
function assertUsageError(res: ReturnType<typeof arclink>, pattern: RegExp) {
  assert.equal(res.code, 2, res.stderr);
  assert.equal(res.stderr.trimEnd().split("\n").length, 1, res.stderr);
  assert.match(res.stderr, pattern);
  assert.equal(res.stdout, "");
}

const WORLD = `- id: ${RG}
  location: westeurope
- id: ${RG}/providers/Microsoft.Network/virtualNetworks/hub
  location: westeurope
  properties:
    addressSpace: { addressPrefixes: [10.10.0.0/16] }
    subnets:
      - name: pe
        properties: { addressPrefix: 10.10.1.0/24, privateEndpointNetworkPolicies: Disabled }
- id: ${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls
  location: westeurope
  properties: { publicNetworkAccess: Disabled }
- id: ${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe
  location: westeurope
  properties:
    subnet: { id: ${RG}/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe }
    privateLinkServiceConnections:
      - name: arc
        properties:
          privateLinkServiceId: ${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls
          groupIds: [hybridcompute]
`;

describe("arclink generate", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-generate-"));
  const data = join(dir, "data");
  const world = join(dir, "lab.yaml");

  before(() => {
    writeFileSync(world, WORLD);
    const store = new Store({ dataDir: data });
    store.commit({ puts: arcPrivateLinkResources(), deletes: [] });
    store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("--world: the file is applied through the handlers, whose endpoint DNS configuration feeds the output", () => {
    const res = arclink(["generate", "dns-config", "--world", world, "--private-endpoint", "arc-pe"]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^gbl\.his\.arc\.azure\.com\s+10\.10\.1\.\d+\s+privatelink\.his\.arc\.azure\.com\s+gbl$/m);
    assert.match(
      res.stdout,
      /^westeurope-gas\.guestconfiguration\.azure\.com\s+10\.10\.1\.\d+\s+privatelink\.guestconfiguration\.azure\.com/m,
    );
    const onboard = ["generate", "onboarding-script", "--world", world, "--os", "linux"];
    const script = arclink([...onboard, "--private-link-scope", "arc-pls"]);
    assert.equal(script.code, 0, script.stderr);
    assert.match(
      script.stdout,
      new RegExp(`^PRIVATE_LINK_SCOPE='${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls'$`, "m"),
    );
    assert.match(script.stdout, /--private-link-scope "\$PRIVATE_LINK_SCOPE"/);
    // Without --private-link-scope: the only scope, and stderr says which.
    const picked = arclink(onboard);
    assert.equal(picked.code, 0, picked.stderr);
    assert.equal(picked.stdout, script.stdout);
    assert.match(picked.stderr, /Using private link scope '.*\/privateLinkScopes\/arc-pls', the only one in the world/);
    // --connectivity public-endpoint: no scope; the resource group gives subscription and region.
    const pub = [...onboard, "--connectivity", "public-endpoint"];
    const text = arclink([...pub, "--resource-group", "rg-arc"]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^# Connect this server to Azure Arc over its public endpoints \(westeurope\)\.$/m);
    assert.doesNotMatch(text.stdout, /private-link-scope/);
    const json = JSON.parse(arclink([...pub, "--resource-group", "rg-arc", "--json"]).stdout);
    assert.deepEqual(
      [json.data.connectivity, json.data.scopeId, json.data.location],
      ["public-endpoint", undefined, "westeurope"],
    );
    const both = arclink([
      "generate",
      "onboarding-script",
      "--world",
      world,
      "--os=linux",
      "--connectivity=public-endpoint",
      "--private-link-scope=arc-pls",
      "--resource-group=rg-arc",
    ]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Option --private-link-scope applies to --connectivity private-endpoint/);
  });

  test("--data: hosts for a host as JSON, and as a Windows file with --out", () => {
    const json = arclink(["generate", "hosts", "--data", data, "--host", "srv1", "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.kind, "hosts");
    assert.equal(parsed.data.privateEndpointId, ARC_IDS.pe);
    assert.deepEqual(parsed.data.lines[0], { ip: "10.10.1.4", fqdn: "gbl.his.arc.azure.com" });
    assert.deepEqual(parsed.warnings, []);
    const out = join(dir, "hosts.txt");
    const file = arclink([
      "generate",
      "hosts",
      "--data",
      data,
      "--host",
      ARC_IDS.host,
      "--os",
      "windows",
      "--out",
      out,
    ]);
    assert.equal(file.code, 0, file.stderr);
    assert.equal(file.stdout, "");
    const text = readFileSync(out, "utf8");
    assert.ok(text.startsWith("# C:\\Windows\\System32\\drivers\\etc\\hosts\r\n"));
    assert.match(text, /\r\n10\.10\.1\.5 {2}weu\.his\.arc\.azure\.com\r\n/);
  });

  test("zone-file forwards to the resolver by default and refuses 168.63.129.16 with one line and exit 2", () => {
    const ok = arclink([
      "generate",
      "zone-file",
      "--data",
      data,
      "--private-endpoint",
      "arc-pe",
      "--format",
      "dnsmasq",
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^server=\/his\.arc\.azure\.com\/10\.10\.2\.4$/m);
    assertUsageError(
      arclink([
        "generate",
        "zone-file",
        "--data",
        data,
        "--private-endpoint",
        "arc-pe",
        "--format",
        "bind",
        "--forward-to",
        "10.0.0.1,168.63.129.16",
      ]),
      /^arclink: Forwarding target 168\.63\.129\.16 is Azure DNS/,
    );
  });

  test("bad input is one line and exit 2: unknown endpoint, unknown kind, no world, bad world file", () => {
    assertUsageError(
      arclink(["generate", "dns-config", "--data", data, "--private-endpoint", "nope"]),
      /^arclink: Private endpoint 'nope' is not in the world\. Known: 'arc-pe'\.$/m,
    );
    const unknown = arclink(["generate", "resolv-conf"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'resolv-conf'/);
    assertUsageError(
      arclink(["generate", "hosts", "--data", join(dir, "empty"), "--host", "srv1"]),
      /There is no arclink data in/,
    );
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      `- id: ${RG}\n  location: westeurope\n- id: ${RG}/providers/Microsoft.Network/privateEndpoints/pe\n  location: westeurope\n  properties: {}\n`,
    );
    assertUsageError(
      arclink(["generate", "dns-config", "--world", bad, "--private-endpoint", "pe"]),
      /^arclink: .*bad\.yaml:3: .*privateEndpoints\/pe: /,
    );
  });

  test("firewall from a service tags file, IPv4 and IPv6 apart; nsg-rules needs no world", () => {
    const tags = join(dir, "ServiceTags_Public.json");
    writeFileSync(
      tags,
      JSON.stringify({
        changeNumber: 300,
        cloud: "Public",
        values: [
          {
            name: "AzureActiveDirectory",
            id: "AzureActiveDirectory",
            properties: { changeNumber: 1, region: "", addressPrefixes: ["20.190.128.0/18", "2603:1006:2000::/48"] },
          },
        ],
      }),
    );
    const fw = arclink([
      "generate",
      "firewall",
      "--service-tags",
      tags,
      "--tags",
      "AzureActiveDirectory",
      "--format",
      "iptables",
    ]);
    assert.equal(fw.code, 0, fw.stderr);
    assert.match(fw.stdout, /^iptables -I OUTPUT -p tcp -d 20\.190\.128\.0\/18 --dport 443 /m);
    assert.match(fw.stdout, /^ip6tables -I OUTPUT -p tcp -d 2603:1006:2000::\/48 --dport 443 /m);
    assertUsageError(
      arclink(["generate", "firewall", "--service-tags", join(dir, "missing.json"), "--format", "nftables"]),
      /Cannot read service tags file '.*missing\.json': ENOENT\./,
    );
    const nsg = arclink(["generate", "nsg-rules", "--format", "cli"]);
    assert.equal(nsg.code, 0, nsg.stderr);
    assert.match(nsg.stdout, /--name AllowAADOutboundAccess \\\n {2}--priority 150/);
  });
});
