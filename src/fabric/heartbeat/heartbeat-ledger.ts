import type { Store } from "../../store/index.js";
import { idKey } from "../../world/index.js";

/** The settings key prefix of a machine's last heartbeat. */
export const LEDGER_PREFIX = "lastHeartbeat:";

/**
 * The last heartbeat of every machine, kept cheaply: a map in memory, noted on every
 * heartbeat, saved to the store's settings (one transaction for the machines that beat
 * since the last save) when the keeper sweeps, read back at start so a restarted system
 * still knows which machines beat within the last 15 minutes. Not part of the world:
 * a heartbeat that changes no status is not a world write (`lastStatusChange` is the
 * time of the last status change [facts §2.5]).
 *
 * @example
 * const ledger = heartbeatLedger(system.store);
 * ledger.load(); ledger.note(machineId, now); ledger.save();
 */
export function heartbeatLedger(store: Pick<Store, "settingsWithPrefix" | "setSettings">) {
  const last = new Map<string, number>();
  const dirty = new Set<string>();
  const gone = new Set<string>();
  return {
    /** Reads the saved heartbeats (at start). */
    load() {
      for (const [key, value] of store.settingsWithPrefix(LEDGER_PREFIX)) {
        const at = Date.parse(value);
        if (Number.isFinite(at)) last.set(key.slice(LEDGER_PREFIX.length), at);
      }
    },
    note(machineId: string, at: Date) {
      const key = idKey(machineId);
      last.set(key, at.getTime());
      dirty.add(key);
      gone.delete(key);
    },
    get(machineId: string): Date | undefined {
      const at = last.get(idKey(machineId));
      return at === undefined ? undefined : new Date(at);
    },
    /** A deleted machine's heartbeat is forgotten (a new machine of the same id starts afresh). */
    forget(machineId: string) {
      const key = idKey(machineId);
      if (last.delete(key)) gone.add(key);
      dirty.delete(key);
    },
    /** Writes what changed since the last save, in one transaction. */
    save() {
      if (dirty.size === 0 && gone.size === 0) return;
      const puts = [...dirty].map((k) => [`${LEDGER_PREFIX}${k}`, new Date(last.get(k) ?? 0).toISOString()] as const);
      store.setSettings(
        puts,
        [...gone].map((k) => `${LEDGER_PREFIX}${k}`),
      );
      dirty.clear();
      gone.clear();
    },
    get size() {
      return last.size;
    },
  };
}

export type HeartbeatLedger = ReturnType<typeof heartbeatLedger>;
