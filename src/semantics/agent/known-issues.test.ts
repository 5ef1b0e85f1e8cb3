import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasKnownIssue, KNOWN_ISSUES } from "./known-issues.js";

describe("agent known issues", () => {
  it("applies from the affected version up to, not including, the fixed one", () => {
    assert.equal(hasKnownIssue("public-extension-download", "1.18.9"), false);
    assert.equal(hasKnownIssue("public-extension-download", "1.19"), true);
    assert.equal(hasKnownIssue("public-extension-download", "1.19.02105.1234"), true);
    assert.equal(hasKnownIssue("public-extension-download", "1.20"), false);
    assert.equal(hasKnownIssue("private-link-extensions-fail", "1.41.02709.1234"), true);
    assert.equal(hasKnownIssue("private-link-extensions-fail", "1.42"), false);
  });
  it("the 1.15 bypass issue is Linux-only", () => {
    assert.equal(hasKnownIssue("arc-bypass-includes-entra", "1.15", "linux"), true);
    assert.equal(hasKnownIssue("arc-bypass-includes-entra", "1.15", "windows"), false);
    assert.equal(hasKnownIssue("arc-bypass-includes-entra", "1.15", undefined), false);
  });
  it("each issue quotes its release note", () => {
    for (const issue of Object.values(KNOWN_ISSUES)) {
      assert.match(issue.source, /^DOC-RN /);
      assert.ok(issue.note.includes(issue.fixedIn) || issue.id === "arc-bypass-includes-entra", issue.id);
    }
  });
});
