import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_SECURITY_RULES, defaultRuleProperties, defaultRulesView } from "./default-security-rules.js";

test("every NSG shows the six default rules, inbound and outbound, at Azure's priorities", () => {
  const nsg = {
    id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n",
    name: "n",
    type: "Microsoft.Network/networkSecurityGroups",
    properties: {},
  };
  const view = defaultRulesView(nsg);
  assert.deepEqual(
    view.map((r) => r.name),
    DEFAULT_SECURITY_RULES.map(([name]) => name),
  );
  assert.equal(view.length, 6);
  assert.equal(view[0].id, `${nsg.id}/defaultSecurityRules/AllowVnetInBound`);
  const priorities = view.map((r) => (r.properties as { priority: number }).priority);
  assert.deepEqual(priorities, [65000, 65001, 65500, 65000, 65001, 65500]);
});

test("a default rule reads like a rule Azure returns: any protocol and port, both prefixes set", () => {
  const deny = defaultRuleProperties(2);
  assert.equal(deny.access, "Deny");
  assert.equal(deny.direction, "Inbound");
  assert.equal(deny.protocol, "*");
  assert.equal(deny.destinationPortRange, "*");
  assert.equal(deny.sourceAddressPrefix, "*");
  assert.equal(deny.provisioningState, "Succeeded");
});
