import { useEffect, useState } from "preact/hooks";

/** Hash routes: `#/scopes`, `#/scopes/new`, `#/scope/<resource id>?tab=…`, `#/machines`, `#/machines/onboard`, `#/topology`. */
export interface Route {
  path: string;
  query: URLSearchParams;
}

function current(): Route {
  const raw = location.hash.replace(/^#/, "") || "/scopes";
  const [path, query = ""] = raw.split("?");
  return { path: decodeURI(path), query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const on = () => setRoute(current());
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function href(path: string, query?: Record<string, string>): string {
  const q = query ? `?${new URLSearchParams(query)}` : "";
  return `#${encodeURI(path)}${q}`;
}

export function go(path: string, query?: Record<string, string>): void {
  location.hash = href(path, query);
}

/** The scope page of a resource id. */
export const scopeHref = (id: string, tab?: string) => href(`/scope${id}`, tab ? { tab } : undefined);
