import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkResources, arcPrivateLinkWorld } from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";
import { formatTags, generateOnboardingScript, parseTags, planOnboarding } from "./onboarding-script.js";

const world = arcPrivateLinkWorld();

test("the plan takes subscription, resource group and region from the scope, and the expected address of each Arc name", () => {
  const { plan, warnings } = planOnboarding(world, { os: "linux", privateLinkScope: "arc-pls" });
  assert.equal(plan.scopeId, ARC_IDS.scope);
  assert.equal(plan.subscriptionId, "00000000-0000-0000-0000-00000000a11c");
  assert.equal(plan.resourceGroup, "rg-arc");
  assert.equal(plan.location, "westeurope");
  assert.equal(plan.cloud, "AzureCloud");
  assert.equal(plan.servicePrincipal, undefined);
  assert.deepEqual(plan.checks, [
    { fqdn: "gbl.his.arc.azure.com", expected: ["10.10.1.4"] },
    { fqdn: "weu.his.arc.azure.com", expected: ["10.10.1.5"] },
    { fqdn: "agentserviceapi.guestconfiguration.azure.com", expected: ["10.10.1.6"] },
    { fqdn: "westeurope-gas.guestconfiguration.azure.com", expected: ["10.10.1.7"] },
  ]);
  assert.deepEqual(warnings, []);
});

test("options override the defaults; the same region given another way is accepted", () => {
  const { plan } = planOnboarding(world, {
    os: "windows",
    privateLinkScope: ARC_IDS.scope,
    location: "West Europe",
    resourceGroup: "servers",
    tenantId: "72f988bf-0000-0000-0000-000000000000",
    servicePrincipalId: "11111111-2222-3333-4444-555555555555",
    servicePrincipalSecretEnv: "ONBOARD_SECRET",
    tags: { env: "prod", owner: "ops team" },
  });
  assert.equal(plan.location, "westeurope");
  assert.equal(plan.resourceGroup, "servers");
  assert.deepEqual(plan.servicePrincipal, { id: "11111111-2222-3333-4444-555555555555", secretEnv: "ONBOARD_SECRET" });
  assert.equal(plan.tags, "env=prod,owner='ops team'");
});

test("refuses an unknown scope, another region, a service principal without tenant and a bad env name", () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return [(e as GenerateError).code, (e as Error).message];
    }
    return ["none", ""];
  };
  const [c1, m1] = code(() => planOnboarding(world, { os: "linux", privateLinkScope: "nope" }));
  assert.equal(c1, GENERATE_ERRORS.NotFound);
  assert.match(m1, /Private link scope 'nope' is not in the world\. Known: 'arc-pls'\./);
  const [c2, m2] = code(() => planOnboarding(world, { os: "linux", privateLinkScope: "arc-pls", location: "eastus" }));
  assert.equal(c2, GENERATE_ERRORS.RegionMismatch);
  assert.match(m2, /Location 'eastus' differs from the region 'westeurope' of scope 'arc-pls'/);
  assert.match(
    code(() => planOnboarding(world, { os: "linux", privateLinkScope: "arc-pls", servicePrincipalId: "x" }))[1],
    /needs --tenant-id/,
  );
  assert.match(
    code(() =>
      planOnboarding(world, {
        os: "linux",
        privateLinkScope: "arc-pls",
        servicePrincipalId: "x",
        tenantId: "t",
        servicePrincipalSecretEnv: "A-B",
      }),
    )[1],
    /Invalid environment variable name 'A-B'/,
  );
  assert.match(
    code(() => planOnboarding(world, { os: "linux", privateLinkScope: "arc-pls", resourceGroup: "rg;rm -rf /" }))[1],
    /Invalid value for --resource-group/,
  );
  assert.match(
    code(() => planOnboarding(world, { os: "aix", privateLinkScope: "arc-pls" }))[1],
    /Invalid value for --os: 'aix'/,
  );
});

test("a scope without a private endpoint still gets a script, with a warning", () => {
  const noPe = new MapWorld(arcPrivateLinkResources().filter((r) => r.id !== ARC_IDS.pe));
  const out = generateOnboardingScript(noPe, { os: "linux", privateLinkScope: "arc-pls" });
  assert.match(out.warnings.join(), /has no private endpoint yet/);
  assert.deepEqual(out.data.checks[0], { fqdn: "gbl.his.arc.azure.com", expected: [] });
});

test("tags: parsed from k=v lists and formatted for azcmagent, refusing what it cannot take", () => {
  assert.deepEqual(parseTags("env=prod, owner = ops team ,"), { env: "prod", owner: "ops team" });
  assert.throws(() => parseTags("env"), /Invalid tag 'env': expected name=value\./);
  assert.equal(formatTags({}), undefined);
  assert.throws(() => formatTags({ a: "x'y" }), /contains a comma or a quote/);
  assert.throws(() => formatTags({ "a=b": "x" }), /Invalid tag name 'a=b'/);
});

test("without --private-link-scope: the world's only scope, and a note naming it; none or several are refused", () => {
  const out = generateOnboardingScript(world, { os: "linux" });
  assert.equal(out.data.scopeId, ARC_IDS.scope);
  assert.deepEqual(out.notes, [
    `Using private link scope '${ARC_IDS.scope}', the only one in the world (--private-link-scope not given).`,
  ]);
  assert.deepEqual(generateOnboardingScript(world, { os: "linux", privateLinkScope: "arc-pls" }).notes, []);
  const none = new MapWorld(arcPrivateLinkResources().filter((r) => !r.type.endsWith("/privateLinkScopes")));
  assert.throws(() => planOnboarding(none, { os: "linux" }), /no private link scope/);
  const second = { ...arcPrivateLinkResources().find((r) => r.id === ARC_IDS.scope)! };
  second.id = second.id.replace(/arc-pls$/, "arc-pls-2");
  second.name = "arc-pls-2";
  const two = new MapWorld([...arcPrivateLinkResources(), second]);
  assert.throws(
    () => planOnboarding(two, { os: "linux" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.Ambiguous && /2 private link scopes; choose one/.test(e.message),
  );
});

test("public endpoint: no scope; subscription and region from the resource group in the world; no address expected", () => {
  const { plan, warnings, notes } = planOnboarding(world, {
    os: "linux",
    connectivity: "public-endpoint",
    resourceGroup: "RG-ARC",
  });
  assert.equal(plan.connectivity, "public-endpoint");
  assert.equal(plan.scopeId, undefined);
  assert.equal(plan.subscriptionId, "00000000-0000-0000-0000-00000000a11c");
  assert.equal(plan.resourceGroup, "RG-ARC");
  assert.equal(plan.location, "westeurope");
  assert.deepEqual(
    plan.checks.map((c) => [c.fqdn, c.expected]),
    [
      ["gbl.his.arc.azure.com", []],
      ["weu.his.arc.azure.com", []],
      ["agentserviceapi.guestconfiguration.azure.com", []],
      ["westeurope-gas.guestconfiguration.azure.com", []],
    ],
  );
  assert.deepEqual([warnings, notes], [[], []]);
  // A resource group not in the world: the region must be given; any region is fine without a scope.
  const elsewhere = planOnboarding(world, {
    os: "windows",
    connectivity: "Public-Endpoint",
    resourceGroup: "servers",
    location: "East US",
    subscriptionId: "11111111-0000-0000-0000-000000000000",
  }).plan;
  assert.deepEqual(
    [elsewhere.location, elsewhere.subscriptionId, elsewhere.checks[1].fqdn],
    ["eastus", "11111111-0000-0000-0000-000000000000", "eus.his.arc.azure.com"],
  );
});

test("public endpoint: refuses a scope, a missing resource group or region, and an unknown method", () => {
  const message = (o: Parameters<typeof planOnboarding>[1]) => {
    try {
      planOnboarding(world, o);
    } catch (e) {
      return `${(e as GenerateError).code}: ${(e as Error).message}`;
    }
    return "none";
  };
  const pub = { os: "linux", connectivity: "public-endpoint" };
  assert.match(
    message({ ...pub, resourceGroup: "rg-arc", privateLinkScope: "arc-pls" }),
    /^GenerateInvalidOption: Option --private-link-scope applies to --connectivity private-endpoint/,
  );
  assert.match(message(pub), /^GenerateInvalidOption: Option --resource-group is required with --connectivity public/);
  assert.match(
    message({ ...pub, resourceGroup: "servers" }),
    /Option --location is required .*resource group 'servers' is not in the world/,
  );
  assert.match(
    message({ os: "linux", connectivity: "gateway" }),
    /Invalid value for --connectivity: 'gateway'\. Expected one of: private-endpoint, public-endpoint\./,
  );
});
