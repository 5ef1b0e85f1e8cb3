import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Store } from "./store.js";

export interface ServicePrincipal {
  clientId: string;
  secret: string;
  displayName: string;
  createdAt: string;
}

/**
 * A random secret that never starts with "-": command lines (`az login -p SECRET`) would read
 * such a secret as an option.
 */
function newSecret(): string {
  for (;;) {
    const secret = randomBytes(24).toString("base64url");
    if (!secret.startsWith("-")) return secret;
  }
}

/** Principals by lower-cased client id, per store; dropped on every create and delete. */
const CACHE = new WeakMap<Store, Map<string, ServicePrincipal>>();

/**
 * Service principals of the local tenant, kept in the data directory's database. Lookups
 * by client id are served from a cache that every create and delete through any
 * `Principals` of the same store invalidates, so checking a principal per token is cheap
 * and a deleted principal is gone at once.
 */
export class Principals {
  constructor(private readonly store: Store) {}

  list(): ServicePrincipal[] {
    return (
      this.store.db
        .prepare("SELECT client_id, secret, display_name, created_at FROM principals ORDER BY created_at")
        .all() as { client_id: string; secret: string; display_name: string; created_at: string }[]
    ).map((r) => ({
      clientId: r.client_id,
      secret: r.secret,
      displayName: r.display_name,
      createdAt: r.created_at,
    }));
  }

  get(clientId: string): ServicePrincipal | undefined {
    let byId = CACHE.get(this.store);
    if (!byId) {
      byId = new Map(this.list().map((p) => [p.clientId.toLowerCase(), p]));
      CACHE.set(this.store, byId);
    }
    return byId.get(clientId.toLowerCase());
  }

  /** Deletes a principal; its tokens are refused from then on. True when it existed. */
  delete(clientId: string): boolean {
    const sp = this.get(clientId);
    if (!sp) return false;
    this.store.db.prepare("DELETE FROM principals WHERE client_id = ?").run(sp.clientId);
    CACHE.delete(this.store);
    return true;
  }

  create(displayName: string, now: Date): ServicePrincipal {
    const sp: ServicePrincipal = {
      clientId: randomUUID(),
      secret: newSecret(),
      displayName,
      createdAt: now.toISOString(),
    };
    this.store.db
      .prepare("INSERT INTO principals (client_id, secret, display_name, created_at) VALUES (?, ?, ?, ?)")
      .run(sp.clientId, sp.secret, sp.displayName, sp.createdAt);
    CACHE.delete(this.store);
    return sp;
  }

  /** The first principal, created on first use: the lab's default service principal. */
  ensureDefault(now: Date): ServicePrincipal {
    return this.list()[0] ?? this.create("arclink-default", now);
  }

  /** Constant-time secret check. */
  verify(clientId: string, secret: string): ServicePrincipal | undefined {
    const sp = this.get(clientId);
    if (!sp) return undefined;
    const a = Buffer.from(sp.secret);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b) ? sp : undefined;
  }
}
