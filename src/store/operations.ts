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

/** How long a completed operation stays pollable: one day, as ARM keeps operation results. */
export const OPERATION_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Pruning runs at most once per this much operation time, so a burst of writes prunes once. */
const PRUNE_EVERY_MS = 60 * 1000;

/**
 * Long-running operation records. A completed one (with an `endTime`) is deleted once it
 * is older than the retention period, measured on the operations' own clock (the virtual
 * clock that stamped them), so the table stays bounded however many writes a lab takes.
 */
export class Operations {
  #lastPrune = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly retentionMs: number = OPERATION_RETENTION_MS,
  ) {}

  put(op: OperationStatus): void {
    this.store.db
      .prepare(
        "INSERT INTO operations (id, body, ended_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body, ended_at = excluded.ended_at",
      )
      .run(op.name.toLowerCase(), JSON.stringify(op), op.endTime ?? null);
    const end = op.endTime ? Date.parse(op.endTime) : Number.NaN;
    if (Number.isFinite(end) && end - this.#lastPrune >= PRUNE_EVERY_MS) {
      this.#lastPrune = end;
      this.prune(new Date(end));
    }
  }

  get(name: string): OperationStatus | undefined {
    const row = this.store.db.prepare("SELECT body FROM operations WHERE id = ?").get(name.toLowerCase()) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as OperationStatus) : undefined;
  }

  /** Deletes completed operations that ended before `now` minus the retention; returns how many. */
  prune(now: Date): number {
    const cutoff = new Date(now.getTime() - this.retentionMs).toISOString();
    return this.store.db.prepare("DELETE FROM operations WHERE ended_at IS NOT NULL AND ended_at < ?").run(cutoff)
      .changes;
  }
}
