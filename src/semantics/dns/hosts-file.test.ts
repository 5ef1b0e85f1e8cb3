import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lookupHostsFile, parseHostsFile } from "./hosts-file.js";

describe("hosts file", () => {
  it("parses Linux syntax: tabs, comments, several names a line", () => {
    const entries = parseHostsFile(
      "# comment\n127.0.0.1\tlocalhost\n10.10.1.4 gbl.his.arc.azure.com  GBL.alias # trailing\n\n::1 localhost\n",
    );
    assert.deepEqual(entries, [
      { address: "127.0.0.1", names: ["localhost"], line: 2 },
      { address: "10.10.1.4", names: ["gbl.his.arc.azure.com", "gbl.alias"], line: 3 },
      { address: "::1", names: ["localhost"], line: 5 },
    ]);
  });

  it("parses Windows syntax with CRLF and indented comments", () => {
    const text =
      "#\tCopyright (c) 1993-2009 Microsoft Corp.\r\n    # 102.54.94.97     rhino.acme.com\r\n10.10.1.5    weu.his.arc.azure.com\r\n";
    assert.deepEqual(parseHostsFile(text), [{ address: "10.10.1.5", names: ["weu.his.arc.azure.com"], line: 3 }]);
  });

  it("skips lines without a valid address or without names", () => {
    assert.deepEqual(parseHostsFile("not-an-ip name\n10.0.0.1\n300.1.1.1 x\n"), []);
  });

  it("looks names up case-insensitively, by address family, in file order", () => {
    const entries = parseHostsFile("10.0.0.1 a.example\n10.0.0.2 A.Example.\nfd00::1 a.example\n");
    assert.deepEqual(
      lookupHostsFile(entries, "A.EXAMPLE", "A").map((e) => e.address),
      ["10.0.0.1", "10.0.0.2"],
    );
    assert.deepEqual(
      lookupHostsFile(entries, "a.example", "AAAA").map((e) => e.address),
      ["fd00::1"],
    );
    assert.deepEqual(lookupHostsFile(entries, "b.example", "A"), []);
  });
});
