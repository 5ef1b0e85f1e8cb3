import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { connect, type PeerCertificate, type TLSSocket } from "node:tls";
import { startSystem } from "../src/system/start-system.js";

// The ARM front's certificate from a fresh data directory's CA, seen by a TLS client:
// trusted with that CA as the only root, refused without it. This process trusts the
// shared test CA (NODE_EXTRA_CA_CERTS), not this directory's, so "no CA" really is none.

const dir = mkdtempSync(join(tmpdir(), "arclink-tls-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function handshake(
  port: number,
  options: { ca?: Buffer; host?: string; servername?: string },
): Promise<{ socket: TLSSocket; peer: PeerCertificate }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: options.host ?? "127.0.0.1", ...options }, () =>
      resolve({ socket, peer: socket.getPeerCertificate() }),
    );
    socket.once("error", reject);
  });
}

test("TLS with the data directory's CA as the only root succeeds, by name and by address; without it fails", async () => {
  const system = await startSystem({ dataDir: dir, inMemory: true, port: 0 });
  const port = Number(new URL(system.armUrl).port);
  const ca = readFileSync(system.caPath);
  try {
    const byName = await handshake(port, { ca, servername: "localhost" });
    assert.equal(byName.socket.authorized, true);
    const leaf = byName.socket.getPeerX509Certificate();
    byName.socket.destroy();
    assert.ok(leaf);
    assert.ok(leaf.checkIssued(new X509Certificate(ca)));
    assert.equal(leaf.checkHost("localhost"), "localhost");
    assert.equal(leaf.checkIP("127.0.0.1"), "127.0.0.1");
    // Every address of the machine, so a server bound to 0.0.0.0 is trusted on any of them.
    for (const i of Object.values(networkInterfaces()).flat()) {
      if (i && i.family === "IPv4") assert.equal(leaf.checkIP(i.address), i.address, i.address);
    }

    const byAddress = await handshake(port, { ca });
    assert.equal(byAddress.socket.authorized, true);
    byAddress.socket.destroy();

    await assert.rejects(handshake(port, { servername: "localhost" }), (e: NodeJS.ErrnoException) => {
      assert.match(String(e.code), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
      return true;
    });
    await assert.rejects(handshake(port, { ca, servername: "example.com" }), /does not match certificate's altnames/);
  } finally {
    await system.stop();
  }
});

test("a second start on the same data directory keeps the CA file byte for byte, and its new leaf chains to it", async () => {
  const before = readFileSync(join(dir, "ca", "arclink-ca.crt"));
  const system = await startSystem({ dataDir: dir, inMemory: true, port: 0 });
  try {
    assert.deepEqual(readFileSync(system.caPath), before);
    const { socket } = await handshake(Number(new URL(system.armUrl).port), { ca: before, servername: "localhost" });
    assert.equal(socket.authorized, true);
    socket.destroy();
  } finally {
    await system.stop();
  }
});
