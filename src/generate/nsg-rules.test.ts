import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkResources, networkSecurityGroup } from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";
import { generateNsgRules } from "./nsg-rules.js";

test("ARM JSON: the two documented outbound rules, 150 to Entra ID and 151 to ARM, TCP 443 from VirtualNetwork", () => {
  const out = generateNsgRules(undefined);
  const rules = JSON.parse(out.text);
  assert.equal(out.data.format, "arm");
  assert.deepEqual(
    rules.map((r: any) => [r.name, r.properties.priority, r.properties.destinationAddressPrefix]),
    [
      ["AllowAADOutboundAccess", 150, "AzureActiveDirectory"],
      ["AllowAzOutboundAccess", 151, "AzureResourceManager"],
    ],
  );
  for (const r of rules) {
    assert.equal(r.properties.direction, "Outbound");
    assert.equal(r.properties.access, "Allow");
    assert.equal(r.properties.protocol, "Tcp");
    assert.equal(r.properties.destinationPortRange, "443");
    assert.equal(r.properties.sourceAddressPrefix, "VirtualNetwork");
  }
});

test("Azure CLI: one az network nsg rule create per rule, resource group and NSG from the environment", () => {
  const text = generateNsgRules(undefined, { format: "cli" }).text;
  const commands = text
    .replace(/ \\\n\s+/g, " ")
    .split("\n")
    .filter((l) => l.startsWith("az "));
  assert.equal(commands.length, 2);
  assert.match(
    commands[0],
    /^az network nsg rule create --resource-group "\$RESOURCE_GROUP" --nsg-name "\$NSG_NAME" --name AllowAADOutboundAccess --priority 150 --direction Outbound --access Allow --protocol Tcp --source-address-prefixes VirtualNetwork --source-port-ranges '\*' --destination-address-prefixes AzureActiveDirectory --destination-port-ranges 443 /,
  );
  assert.match(
    commands[1],
    /--name AllowAzOutboundAccess --priority 151 .* --destination-address-prefixes AzureResourceManager /,
  );
  assert.match(text, /^: "\$\{RESOURCE_GROUP:\?/m);
});

test("an NSG from the world fills in its names and warns about a priority already taken", () => {
  const nsg = networkSecurityGroup("pe-nsg", [
    {
      name: "AllowProxy",
      priority: 150,
      direction: "Outbound",
      access: "Allow",
      destination: "10.0.0.0/8",
      ports: "3128",
    },
  ]);
  const world = new MapWorld([...arcPrivateLinkResources(), nsg]);
  const cli = generateNsgRules(world, { format: "cli", nsg: "pe-nsg" });
  assert.match(cli.text, /--resource-group 'rg-arc' --nsg-name 'pe-nsg' --name AllowAADOutboundAccess/);
  assert.doesNotMatch(cli.text, /RESOURCE_GROUP/);
  assert.match(
    cli.warnings.join(),
    /rule 'AllowProxy' already uses outbound priority 150; .* 'AllowAADOutboundAccess' would be refused/,
  );
  const bicep = generateNsgRules(world, { format: "bicep", nsg: nsg.id }).text;
  assert.match(
    bicep,
    /^resource nsg 'Microsoft\.Network\/networkSecurityGroups@2022-01-01' existing = \{\n {2}name: 'pe-nsg'\n\}/m,
  );
  assert.match(
    bicep,
    /^resource allowAzOutboundAccess 'Microsoft\.Network\/networkSecurityGroups\/securityRules@2022-01-01' = \{\n {2}parent: nsg\n {2}name: 'AllowAzOutboundAccess'/m,
  );
  assert.match(bicep, /^ {4}priority: 151$/m);
});

test("Bicep without an NSG takes its name as a parameter; bad format and unknown NSG are errors", () => {
  assert.match(generateNsgRules(undefined, { format: "bicep" }).text, /^param nsgName string$/m);
  assert.throws(() => generateNsgRules(undefined, { format: "terraform" }), /Expected one of: arm, cli, bicep\./);
  const world = new MapWorld(arcPrivateLinkResources());
  assert.throws(
    () => generateNsgRules(world, { nsg: "nope" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.NotFound,
  );
  assert.throws(
    () => generateNsgRules(undefined, { nsg: ARC_IDS.pe }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.InvalidOption,
  );
});
