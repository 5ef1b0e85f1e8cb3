import { ArmError } from "../rules/errors.js";

/** A request target reduced to what routing reads. */
export interface CanonicalTarget {
  /** Leading slash, segments percent-decoded once, no empty segment, no trailing slash. */
  path: string;
  query: URLSearchParams;
}

const ABSOLUTE_FORM = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

function invalidUri(target: string, why: string): ArmError {
  return new ArmError("InvalidRequestUri", `The request URI '${target.slice(0, 200)}' is not valid: ${why}.`);
}

/**
 * Turns the request target of an HTTP request line into the path and query the routes
 * read, or throws a 400 before any routing:
 * - origin form (`/subscriptions/…`) or absolute form (`https://host/…`, RFC 9112 §3.2.2,
 *   whose authority must parse but is otherwise ignored: the server names itself);
 * - each segment is percent-decoded exactly once, so `%2e%2e` is the name `..`, never a
 *   step up; `.` and `..` (raw or decoded) and names holding an encoded `/` or `\` are
 *   refused with `InvalidResourceName`, so a path cannot address another resource;
 * - repeated slashes collapse and a trailing slash is dropped, as ARM does (DESIGN.md).
 *
 * @example
 * canonicalTarget("/subscriptions/s//resourceGroups/a%20b/?api-version=1").path; // "/subscriptions/s/resourceGroups/a b"
 */
export function canonicalTarget(target: string): CanonicalTarget {
  let rest = target;
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute) {
    const [, scheme, authority, tail] = absolute;
    if (!/^https?$/i.test(scheme)) throw invalidUri(target, `the scheme '${scheme}' is not http or https`);
    if (!validAuthority(authority)) throw invalidUri(target, `the authority '${authority}' is not a host name`);
    rest = tail === "" || tail.startsWith("?") ? `/${tail}` : tail;
  }
  if (!rest.startsWith("/")) throw invalidUri(target, "it must start with '/'");
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const mark = rest.indexOf("?");
  const rawPath = mark >= 0 ? rest.slice(0, mark) : rest;
  const query = new URLSearchParams(mark >= 0 ? rest.slice(mark + 1) : "");
  const segments: string[] = [];
  for (const raw of rawPath.split("/")) {
    if (raw === "") continue;
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      throw invalidUri(target, `the segment '${raw.slice(0, 100)}' is not valid percent-encoding`);
    }
    if (name === "." || name === "..") {
      throw new ArmError(
        "InvalidResourceName",
        `The path segment '${raw}' is not a valid name: '.' and '..' are refused.`,
      );
    }
    if (name.includes("/") || name.includes("\\")) {
      throw new ArmError(
        "InvalidResourceName",
        `The path segment '${raw.slice(0, 100)}' is not a valid name: it encodes a '/' or '\\'.`,
      );
    }
    if (name.trim() === "") {
      throw new ArmError("InvalidResourceName", `The path segment '${raw}' is not a valid name: it is blank.`);
    }
    segments.push(name);
  }
  return { path: `/${segments.join("/")}`, query };
}

/** `host`, `host:port`, `[v6]` or `[v6]:port`, as a URL would accept it. */
export function validAuthority(authority: string): boolean {
  if (authority === "" || /[\s@/\\?#]/.test(authority)) return false;
  try {
    const url = new URL(`https://${authority}/`);
    return url.hostname !== "";
  } catch {
    return false;
  }
}
