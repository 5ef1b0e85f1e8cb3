import assert from "node:assert/strict";
import { test } from "node:test";
import { generateFirewall, WINDOWS_ADDRESSES_PER_RULE } from "./firewall.js";

const FIXTURE = {
  changeNumber: 250,
  cloud: "Public",
  values: [
    {
      name: "AzureActiveDirectory",
      id: "AzureActiveDirectory",
      properties: {
        changeNumber: 9,
        region: "",
        regionId: 0,
        platform: "Azure",
        systemService: "AzureAD",
        addressPrefixes: ["20.190.128.0/18", "40.126.0.0/18", "2603:1006:2000::/48"],
        networkFeatures: ["NSG"],
      },
    },
    {
      name: "AzureResourceManager",
      id: "AzureResourceManager",
      properties: {
        changeNumber: 4,
        region: "",
        regionId: 0,
        platform: "Azure",
        systemService: "AzureResourceManager",
        addressPrefixes: ["4.150.240.8/29", "2603:1030:1::/48"],
        networkFeatures: ["NSG"],
      },
    },
  ],
};

test("nftables: an ipv4_addr and an ipv6_addr interval set per tag, each with a TCP 443 accept", () => {
  const out = generateFirewall({
    format: "nftables",
    serviceTags: FIXTURE,
    serviceTagsSource: "ServiceTags_Public.json",
  });
  const l = out.text.split("\n");
  assert.equal(l[0], "#!/usr/sbin/nft -f");
  assert.match(out.text, /from ServiceTags_Public\.json \(change number 250, cloud Public\)/);
  assert.ok(
    l.includes("add set inet filter arc_azureactivedirectory_v4 { type ipv4_addr; flags interval; auto-merge; }"),
  );
  assert.ok(l.includes("add element inet filter arc_azureactivedirectory_v4 { 20.190.128.0/18, 40.126.0.0/18 }"));
  assert.ok(
    l.includes("add set inet filter arc_azureactivedirectory_v6 { type ipv6_addr; flags interval; auto-merge; }"),
  );
  assert.ok(l.includes("add element inet filter arc_azureactivedirectory_v6 { 2603:1006:2000::/48 }"));
  assert.ok(
    l.includes(
      'insert rule inet filter output ip daddr @arc_azureactivedirectory_v4 tcp dport 443 accept comment "AzureActiveDirectory"',
    ),
  );
  assert.ok(
    l.includes(
      'insert rule inet filter output ip6 daddr @arc_azureresourcemanager_v6 tcp dport 443 accept comment "AzureResourceManager"',
    ),
  );
});

test("iptables for IPv4 prefixes and ip6tables for IPv6, never mixed", () => {
  const l = generateFirewall({ format: "iptables", serviceTags: FIXTURE }).text.split("\n");
  assert.ok(
    l.includes(
      'iptables -I OUTPUT -p tcp -d 4.150.240.8/29 --dport 443 -m comment --comment "arc AzureResourceManager" -j ACCEPT',
    ),
  );
  assert.ok(
    l.includes(
      'ip6tables -I OUTPUT -p tcp -d 2603:1030:1::/48 --dport 443 -m comment --comment "arc AzureResourceManager" -j ACCEPT',
    ),
  );
  assert.ok(!l.some((x) => x.startsWith("iptables ") && x.includes(":")));
  assert.ok(!l.some((x) => x.startsWith("ip6tables ") && /-d \d+\.\d+/.test(x)));
});

test("Windows Firewall: outbound TCP 443 rules, one per family, large tags split", () => {
  const text = generateFirewall({
    format: "windows-firewall",
    serviceTags: FIXTURE,
    tags: ["AzureActiveDirectory"],
  }).text;
  assert.match(
    text,
    /^New-NetFirewallRule -DisplayName 'Azure Arc: AzureActiveDirectory IPv4 \(TCP 443\)' -Direction Outbound -Action Allow -Protocol TCP -RemotePort 443 -RemoteAddress '20\.190\.128\.0\/18', '40\.126\.0\.0\/18'$/m,
  );
  assert.match(
    text,
    /-DisplayName 'Azure Arc: AzureActiveDirectory IPv6 \(TCP 443\)' .* -RemoteAddress '2603:1006:2000::\/48'$/m,
  );
  assert.doesNotMatch(text, /AzureResourceManager/);
  const many = Array.from({ length: WINDOWS_ADDRESSES_PER_RULE + 1 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
  const big = generateFirewall({
    format: "windows-firewall",
    tags: ["Big"],
    serviceTags: { values: [{ name: "Big", properties: { addressPrefixes: many } }] },
  });
  assert.equal(big.text.split("\n").filter((x) => x.startsWith("New-NetFirewallRule")).length, 2);
  assert.match(big.text, /Big IPv4 part 2 \(TCP 443\)/);
});

test("without a file the built-in catalog is used; an unknown tag or format is an error", () => {
  const out = generateFirewall({ format: "iptables" });
  assert.equal(out.data.source, "the built-in catalog");
  assert.deepEqual(
    out.data.tags.map((t) => t.name),
    ["AzureActiveDirectory", "AzureResourceManager"],
  );
  assert.throws(
    () => generateFirewall({ format: "iptables", tags: ["NoSuchTag"] }),
    /Service tag 'NoSuchTag' is not in the built-in catalog\./,
  );
  assert.throws(() => generateFirewall({ format: "pf" }), /Expected one of: nftables, iptables, windows-firewall\./);
});
