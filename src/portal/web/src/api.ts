/** The portal's only way out: ARM calls and the portal's `/_arclink/` routes, with the ARM bearer token. */

export const DEFAULT_TENANT = "00000000-0000-0000-0000-000000000000";

/** The api-versions the portal sends, one per provider (all accepted by arclink and Azure). */
export const API = {
  subscriptions: "2022-12-01",
  resources: "2021-04-01",
  hybridCompute: "2024-07-10",
  network: "2024-05-01",
  privateDns: "2024-06-01",
} as const;

export interface Session {
  token: string;
  expiresAt: number;
  clientId: string;
  tenantId: string;
}

const KEY = "arclink.portal.session";

export function currentSession(): Session | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    return s && s.expiresAt > Date.now() + 30_000 ? s : undefined;
  } catch {
    return undefined;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  location.hash = "#/";
  location.reload();
}

/** An ARM-shaped error: `{error: {code, message, target}}` and the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
  ) {
    super(message);
  }
}

/** Client credentials against the local authority, as the Azure SDKs do with a service principal. */
export async function signIn(tenantId: string, clientId: string, secret: string): Promise<Session> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: secret,
    scope: "https://management.azure.com/.default",
  });
  const res = await fetch(`/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(res.status, body.error ?? "SignInFailed", body.error_description ?? "Sign-in failed.");
  const session = {
    token: body.access_token,
    expiresAt: Date.now() + Number(body.expires_in ?? 3600) * 1000,
    clientId,
    tenantId,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function authHeaders(): Record<string, string> {
  const s = currentSession();
  return s ? { authorization: `Bearer ${s.token}` } : {};
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { ...authHeaders(), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401) {
    sessionStorage.removeItem(KEY);
    location.reload();
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(res.status, e.code ?? String(res.status), e.message ?? res.statusText, e.target);
  }
  return json as T;
}

/** An ARM call: `path` is a resource id or collection path; the api-version is added. */
export function arm<T>(method: string, path: string, apiVersion: string, body?: unknown): Promise<T> {
  return send<T>(method, `${path}${path.includes("?") ? "&" : "?"}api-version=${apiVersion}`, body);
}

/** Every page of an ARM list, following `nextLink`. */
export async function armList<T>(path: string, apiVersion: string): Promise<T[]> {
  const out: T[] = [];
  let page = await arm<{ value: T[]; nextLink?: string }>("GET", path, apiVersion);
  out.push(...page.value);
  while (page.nextLink) {
    const next = new URL(page.nextLink);
    page = await send("GET", `${next.pathname}${next.search}`);
    out.push(...page.value);
  }
  return out;
}

/** A portal route of the running arclink (verify, topology, generators, validation). */
export function arclink<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, `/_arclink/${path}`, body);
}

/** A resource as ARM returns it. */
export interface Resource<P = Record<string, unknown>> {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties: P;
}

/** `/subscriptions/{s}/resourceGroups/{rg}/…` → `{ subscription, resourceGroup }`. */
export function idParts(id: string): { subscription: string; resourceGroup: string; name: string } {
  const p = id.split("/");
  const rg = p.findIndex((x) => x.toLowerCase() === "resourcegroups");
  return { subscription: p[2] ?? "", resourceGroup: rg > 0 ? (p[rg + 1] ?? "") : "", name: p.at(-1) ?? "" };
}

export const sameId = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/** Saves text as a file through the browser's download. */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Messages name resources by full ARM id; on screen the last segment reads better (the full text stays in `title`). */
export function shortIds(text: string): string {
  return text.replace(/\/subscriptions\/[^\s'",:()]+/gi, (id) => `${id.split("/").at(-1)}`);
}
