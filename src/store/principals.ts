import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Store } from "./store.js";

export interface ServicePrincipal {
  clientId: string;
  secret: string;
  displayName: string;
  createdAt: string;
}

/** Service principals of the local tenant, kept in the data directory's database. */
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
    return this.list().find((p) => p.clientId.toLowerCase() === clientId.toLowerCase());
  }

  create(displayName: string, now: Date): ServicePrincipal {
    const sp: ServicePrincipal = {
      clientId: randomUUID(),
      secret: randomBytes(24).toString("base64url"),
      displayName,
      createdAt: now.toISOString(),
    };
    this.store.db
      .prepare("INSERT INTO principals (client_id, secret, display_name, created_at) VALUES (?, ?, ?, ?)")
      .run(sp.clientId, sp.secret, sp.displayName, sp.createdAt);
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
