import { ArmError } from "../rules/errors.js";
import type { Resource } from "../world/index.js";

function bare(tag: string): string {
  return tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
}

/** The HTTP ETag header value of a stored resource. */
export function etagHeader(resource: Resource): string | undefined {
  return resource.etag ? `"${bare(resource.etag)}"` : undefined;
}

/**
 * Checks If-Match and If-None-Match against the current resource [RPC]: `If-Match: *`
 * needs the resource to exist, `If-None-Match: *` needs it not to; a listed tag must
 * (If-Match) or must not (If-None-Match) equal the current one. Failure is 412.
 */
export function checkPreconditions(headers: Record<string, string | undefined>, current: Resource | undefined): void {
  const ifMatch = headers["if-match"];
  const ifNoneMatch = headers["if-none-match"];
  const currentTag = current?.etag ? bare(current.etag) : undefined;
  const tags = (v: string) => v.split(",").map(bare);
  if (ifMatch !== undefined) {
    const ok =
      ifMatch.trim() === "*" ? current !== undefined : currentTag !== undefined && tags(ifMatch).includes(currentTag);
    if (!ok) {
      throw new ArmError(
        "PreconditionFailed",
        current
          ? `The condition If-Match '${ifMatch}' failed: the resource's current ETag is '"${currentTag}"'.`
          : `The condition If-Match '${ifMatch}' failed: the resource does not exist.`,
      );
    }
  }
  if (ifNoneMatch !== undefined) {
    const failed =
      ifNoneMatch.trim() === "*"
        ? current !== undefined
        : currentTag !== undefined && tags(ifNoneMatch).includes(currentTag);
    if (failed) {
      throw new ArmError(
        "PreconditionFailed",
        `The condition If-None-Match '${ifNoneMatch}' failed: the resource already exists with ETag '"${currentTag}"'.`,
      );
    }
  }
}
