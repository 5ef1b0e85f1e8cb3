import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { caPath, loadOrCreateCa } from "./ca.js";

const NOW = new Date("2026-03-01T00:00:00Z");
const fresh = () => mkdtempSync(join(tmpdir(), "arclink-pki-"));

test("a new data directory gets a CA: self-signed, a CA for path length 0, key readable only by its owner", async () => {
  const dir = fresh();
  try {
    const ca = await loadOrCreateCa(dir, NOW);
    assert.equal(ca.certPath, caPath(dir));
    assert.equal(ca.certPath, join(dir, "ca", "arclink-ca.crt"));
    const cert = new X509Certificate(readFileSync(ca.certPath));
    assert.equal(cert.ca, true);
    assert.equal(cert.subject, cert.issuer);
    assert.ok(cert.verify(cert.publicKey));
    assert.match(cert.subject, /CN=arclink local CA 2026-03-01/);
    assert.ok(new Date(cert.validTo).getTime() > NOW.getTime() + 9 * 365 * 86400_000);
    assert.equal(statSync(join(dir, "ca", "arclink-ca.key")).mode & 0o777, 0o600);
    // No staging directory is left behind.
    assert.deepEqual(readdirSync(dir), ["ca"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an existing CA is loaded, never regenerated: identical bytes on every later start", async () => {
  const dir = fresh();
  try {
    await loadOrCreateCa(dir, NOW);
    const cert = readFileSync(caPath(dir));
    const key = readFileSync(join(dir, "ca", "arclink-ca.key"));
    const again = await loadOrCreateCa(dir, new Date(NOW.getTime() + 86400_000));
    assert.deepEqual(readFileSync(caPath(dir)), cert);
    assert.deepEqual(readFileSync(join(dir, "ca", "arclink-ca.key")), key);
    assert.equal(again.certPem, cert.toString("utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("two processes starting on one fresh directory end up with one CA", async () => {
  const dir = fresh();
  try {
    const [a, b] = await Promise.all([loadOrCreateCa(dir, NOW), loadOrCreateCa(dir, NOW)]);
    assert.equal(a.certPem, b.certPem);
    assert.equal(readFileSync(caPath(dir), "utf8"), a.certPem);
    assert.deepEqual(readdirSync(dir), ["ca"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a CA certificate without its key is an error naming both paths, and the certificate is kept", async () => {
  const dir = fresh();
  try {
    await loadOrCreateCa(dir, NOW);
    const cert = readFileSync(caPath(dir));
    rmSync(join(dir, "ca", "arclink-ca.key"));
    await assert.rejects(loadOrCreateCa(dir, NOW), /exists but its key '.*arclink-ca\.key' is missing/);
    assert.deepEqual(readFileSync(caPath(dir)), cert);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a 'ca' directory holding other files but no certificate is not overwritten", async () => {
  const dir = fresh();
  try {
    mkdirSync(join(dir, "ca"));
    writeFileSync(join(dir, "ca", "notes.txt"), "mine");
    await assert.rejects(loadOrCreateCa(dir, NOW), /holds other files but no 'arclink-ca\.crt'/);
    assert.equal(readFileSync(join(dir, "ca", "notes.txt"), "utf8"), "mine");
    assert.equal(existsSync(caPath(dir)), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
