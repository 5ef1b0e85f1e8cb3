/**
 * `nextLink` paging: a list answers `pageSize` items and, when more remain, a
 * `nextLink` that repeats the request with `$skiptoken` set to the next offset.
 */
export function page<T>(
  items: readonly T[],
  query: URLSearchParams,
  selfUrl: string,
  pageSize: number,
): { value: T[]; nextLink?: string } {
  const top = Number(query.get("$top"));
  const size = Number.isInteger(top) && top > 0 ? Math.min(top, pageSize) : pageSize;
  const skip = Math.max(0, Number.parseInt(query.get("$skiptoken") ?? "0", 10) || 0);
  const value = items.slice(skip, skip + size);
  if (skip + size >= items.length) return { value };
  const next = new URL(selfUrl);
  next.searchParams.set("$skiptoken", String(skip + size));
  return { value, nextLink: next.toString() };
}
