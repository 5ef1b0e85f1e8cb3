import type { Store } from "./store.js";

/** A long-running operation's status, in the shape of ARM's OperationStatusResult [CT3]. */
export interface OperationStatus {
  id: string;
  name: string;
  status: "InProgress" | "Succeeded" | "Failed" | "Canceled";
  startTime: string;
  endTime?: string;
  percentComplete?: number;
  error?: { code: string; message: string };
  /** Where the Location poll ends: the resource id (200 with body) or nothing (204). */
  resourceId?: string;
}

/** Long-running operation records. */
export class Operations {
  constructor(private readonly store: Store) {}

  put(op: OperationStatus): void {
    this.store.db
      .prepare("INSERT INTO operations (id, body) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body")
      .run(op.name.toLowerCase(), JSON.stringify(op));
  }

  get(name: string): OperationStatus | undefined {
    const row = this.store.db.prepare("SELECT body FROM operations WHERE id = ?").get(name.toLowerCase()) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as OperationStatus) : undefined;
  }
}
