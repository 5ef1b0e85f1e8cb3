import assert from "node:assert/strict";
import { test } from "node:test";
import { ArmError } from "../rules/errors.js";
import { canonicalTarget, validAuthority } from "./canonical-path.js";

const refused = (target: string, code: string) =>
  assert.throws(
    () => canonicalTarget(target),
    (e: unknown) => e instanceof ArmError && e.code === code && e.status === 400,
    target,
  );

test("origin form: repeated and trailing slashes collapse, each segment is decoded once", () => {
  const t = canonicalTarget("//subscriptions/s//resourceGroups/a%20b/?api-version=2025-04-01&x=%2F");
  assert.equal(t.path, "/subscriptions/s/resourceGroups/a b");
  assert.equal(t.query.get("api-version"), "2025-04-01");
  assert.equal(t.query.get("x"), "/");
  // Decoded once: %252e stays the name '%2e', it is not decoded again into '.'.
  assert.equal(canonicalTarget("/a/%252e%252e").path, "/a/%2e%2e");
  assert.equal(canonicalTarget("/").path, "/");
});

test("absolute form: the authority must parse and is ignored; the path is routed", () => {
  assert.equal(canonicalTarget("https://attacker.example/subscriptions?x=1").path, "/subscriptions");
  assert.equal(canonicalTarget("http://[::1]:8443").path, "/");
  for (const target of ["http://[", "https://[::1", "http://%zz/", "http://x:99999/", "ftp://x/", "http:///a"]) {
    refused(target, "InvalidRequestUri");
  }
});

test("dot segments, blank names and encoded slashes are refused before routing", () => {
  for (const target of [
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets/%2e%2e",
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets/..",
    "/subscriptions/s/resourceGroups/./x",
    "/subscriptions/s/resourceGroups/arc-pl%2Fproviders%2FMicrosoft.Network%2FvirtualNetworks%2Fhub",
    "/subscriptions/s/resourceGroups/a%5Cb",
    "/subscriptions/s/resourceGroups/%20",
  ]) {
    refused(target, "InvalidResourceName");
  }
  refused("/subscriptions/%zz", "InvalidRequestUri");
  refused("*", "InvalidRequestUri");
  refused("example.com:443", "InvalidRequestUri");
});

test("validAuthority accepts host names, IPs and ports a URL accepts, and nothing else", () => {
  for (const ok of ["localhost", "localhost:8443", "[::1]:8443", "127.0.0.1", "management.azure.com"]) {
    assert.ok(validAuthority(ok), ok);
  }
  for (const bad of ["", "[", "x:99999", "a b", "a/b", "user@host", "%zz"]) assert.ok(!validAuthority(bad), bad);
});
