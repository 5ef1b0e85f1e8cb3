import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadOrCreateCa } from "../src/pki/index.js";
import { arclink } from "./helpers/cli.js";

// `arclink ca path --data DIR` prints the file a user puts in NODE_EXTRA_CA_CERTS and
// REQUESTS_CA_BUNDLE.

const dir = mkdtempSync(join(tmpdir(), "arclink-ca-path-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("arclink ca path prints the CA certificate's absolute path", async () => {
  const ca = await loadOrCreateCa(dir, new Date());
  const res = arclink(["ca", "path", "--data", dir]);
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stdout, `${ca.certPath}\n`);
  assert.equal(res.stderr, "");
});

test("arclink ca path on a directory without a CA exits 2 with one line saying how to create it", () => {
  const empty = join(dir, "empty");
  const res = arclink(["ca", "path", "--data", empty]);
  assert.equal(res.code, 2);
  assert.equal(res.stdout, "");
  assert.equal(res.stderr, `arclink: No CA in '${empty}' yet: run 'arclink up --data ${empty}' once to create it.\n`);
});
