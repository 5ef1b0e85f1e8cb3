import { compareVersions } from "./agent-version.js";

/** The agent's documented known issues that change what it does on the network; a closed union. */
export type KnownIssueId = "arc-bypass-includes-entra" | "public-extension-download" | "private-link-extensions-fail";

export interface KnownIssue {
  id: KnownIssueId;
  /** The first affected version and the first fixed one: affected is `from <= v < fixedIn`. */
  from: string;
  fixedIn: string;
  /** Only agents on this OS are affected; every OS when absent. */
  os?: "linux" | "windows";
  /** The release note, verbatim (DOC-RN: the agent release notes and their archive). */
  note: string;
  source: string;
}

/**
 * The known issues of the Connected Machine agent's release notes that arclink models,
 * each with its affected version range [DOC-RN].
 *
 * @example
 * KNOWN_ISSUES["public-extension-download"].fixedIn // "1.20"
 */
export const KNOWN_ISSUES: Record<KnownIssueId, KnownIssue> = {
  "arc-bypass-includes-entra": {
    id: "arc-bypass-includes-entra",
    from: "1.15",
    fixedIn: "1.16",
    os: "linux",
    note:
      'The "Arc" proxy bypass feature on Linux includes some endpoints that belong to Azure Active Directory. As a ' +
      'result, if you only specify the "Arc" bypass rule, traffic destined for Azure Active Directory endpoints ' +
      'will not use the proxy server as expected. (1.16: The "Arc" proxy bypass keyword no longer includes Azure ' +
      "Active Directory endpoints on Linux.)",
    source: "DOC-RN 1.15, 1.16",
  },
  "public-extension-download": {
    id: "public-extension-download",
    from: "1.19",
    fixedIn: "1.20",
    note:
      "Agents configured to use private endpoints incorrectly download extensions from a public endpoint. Upgrade " +
      "the agent to version 1.20 or later to restore correct functionality.",
    source: "DOC-RN 1.19, 1.20",
  },
  "private-link-extensions-fail": {
    id: "private-link-extensions-fail",
    from: "1.41",
    fixedIn: "1.42",
    note:
      "Customers using private endpoints with Azure Arc may encounter issues with extension management and " +
      "machine configuration policies with agent version 1.41. Agent version 1.42 resolves this issue.",
    source: "DOC-RN 1.41, 1.42",
  },
};

/**
 * Whether an agent of `version` on `os` has the known issue (`from <= version < fixedIn`).
 *
 * @example
 * hasKnownIssue("arc-bypass-includes-entra", "1.15.01234.5", "linux") // true
 * hasKnownIssue("arc-bypass-includes-entra", "1.16", "linux") // false
 */
export function hasKnownIssue(id: KnownIssueId, version: string, os?: string): boolean {
  const issue = KNOWN_ISSUES[id];
  if (issue.os && os !== issue.os) return false;
  return compareVersions(version, issue.from) >= 0 && compareVersions(version, issue.fixedIn) < 0;
}
