import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type CertificateAuthority, loadOrCreateCa } from "./ca.js";
import { issueLeaf } from "./leaf.js";

const NOW = new Date("2026-03-01T00:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "arclink-leaf-"));
let ca: CertificateAuthority;

before(async () => {
  ca = await loadOrCreateCa(dir, NOW);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("a leaf names each host as a DNS SAN and each address as an IP SAN, and chains to the CA", async () => {
  const leaf = await issueLeaf(ca, ["localhost", "127.0.0.1", "::1", "10.1.2.3", "Management.Azure.com"], NOW);
  const cert = new X509Certificate(leaf.certPem);
  const root = new X509Certificate(ca.certPem);
  assert.equal(
    cert.subjectAltName,
    "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.1.2.3, DNS:management.azure.com",
  );
  assert.equal(cert.checkHost("localhost"), "localhost");
  assert.equal(cert.checkHost("management.azure.com"), "management.azure.com");
  assert.equal(cert.checkIP("127.0.0.1"), "127.0.0.1");
  assert.equal(cert.checkIP("10.1.2.3"), "10.1.2.3");
  assert.equal(cert.checkHost("example.com"), undefined);
  assert.equal(cert.subject, "CN=localhost");
  assert.equal(cert.ca, false);
  assert.ok(cert.checkIssued(root));
  assert.ok(cert.verify(root.publicKey));
  assert.deepEqual(cert.keyUsage, ["1.3.6.1.5.5.7.3.1"]);
});

test("two leaves have different keys and serial numbers", async () => {
  const [a, b] = await Promise.all([issueLeaf(ca, ["localhost"], NOW), issueLeaf(ca, ["localhost"], NOW)]);
  assert.notEqual(new X509Certificate(a.certPem).serialNumber, new X509Certificate(b.certPem).serialNumber);
  assert.notEqual(a.keyPem, b.keyPem);
});

test("a leaf needs at least one name", async () => {
  await assert.rejects(issueLeaf(ca, [], NOW), /at least one host name or IP address/);
});
