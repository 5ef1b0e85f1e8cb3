import { randomUUID } from "node:crypto";
import { machineStatusAt } from "../../semantics/agent/machine-status.js";
import type { System } from "../../system/index.js";
import { idKey, type Resource } from "../../world/index.js";
import type { AuditLog } from "../audit/audit-log.js";
import { type HeartbeatLedger, heartbeatLedger } from "./heartbeat-ledger.js";

const MACHINE_TYPE = "microsoft.hybridcompute/machines";

/** What a heartbeat may report; the rest of the machine is the agent's business (issue 12). */
export interface HeartbeatReport {
  agentVersion?: string;
}

/** A status change waiting for the next group commit. */
interface Pending {
  status: string;
  at: Date;
  lastHeartbeat: Date;
  agentVersion?: string;
}

/**
 * Keeps machines' `status` and `lastStatusChange` [facts §2.5] moving with heartbeats and
 * the virtual clock: a heartbeat makes a machine Connected; `machineStatusAt` (semantics)
 * says when it becomes Disconnected (15 minutes) and Expired (45 days).
 *
 * Only status changes are written, through the hub (`system.commit`), so ARM, the portal
 * and `verify` see them and the feed publishes them. `lastStatusChange` is the time of the
 * last *status change*, so a heartbeat that changes nothing writes nothing to the world:
 * its time goes to the heartbeat ledger (memory, saved to the store's settings on each
 * sweep), which a restart reads back. Changes arriving together (the first round of many
 * agents, a sweep) are grouped into one commit: the first after a quiet `batchMs` goes at
 * once, the rest within `batchMs`. A sweep runs on every clock move and every `sweepMs`.
 *
 * @example
 * const keeper = startStatusKeeper({ system, audit });
 * await keeper.beat(machineId); // Connected now
 * system.advanceClock(16 * 60_000); // Disconnected
 */
export function startStatusKeeper({
  system,
  audit,
  sweepMs = 1000,
  batchMs = 50,
  ledger = heartbeatLedger(system.store),
}: {
  system: System;
  audit?: AuditLog;
  sweepMs?: number;
  /** How long status changes may wait to share one commit. */
  batchMs?: number;
  ledger?: HeartbeatLedger;
}) {
  const pending = new Map<string, Pending>();
  let waiters: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lastFlush = 0;

  function lastHeartbeatOf(r: Resource): Date | undefined {
    const inLedger = ledger.get(r.id);
    const saved = typeof r.internal?.lastHeartbeatAt === "string" ? new Date(r.internal.lastHeartbeatAt) : undefined;
    if (inLedger && (!saved || inLedger > saved)) return inLedger;
    return saved;
  }

  /** Commits every pending change in one transaction, each applied to the machine as it is now. */
  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    lastFlush = Date.now();
    const world = system.snapshot();
    const puts: Resource[] = [];
    const changed: [Resource, Pending][] = [];
    for (const [key, p] of pending) {
      const r = world.get(key);
      if (!r) continue;
      const versionChanged = p.agentVersion !== undefined && p.agentVersion !== r.properties.agentVersion;
      if (r.properties.status === p.status && !versionChanged) continue;
      const statusChanged = r.properties.status !== p.status;
      puts.push({
        ...r,
        etag: randomUUID(),
        properties: {
          ...r.properties,
          status: p.status,
          ...(statusChanged ? { lastStatusChange: p.at.toISOString() } : {}),
          ...(p.agentVersion ? { agentVersion: p.agentVersion } : {}),
        },
        internal: { ...r.internal, lastHeartbeatAt: p.lastHeartbeat.toISOString() },
      });
      if (statusChanged) changed.push([r, p]);
    }
    pending.clear();
    const done = waiters;
    waiters = [];
    try {
      if (puts.length > 0) system.commit({ puts, deletes: [] });
      for (const [r, p] of changed)
        audit?.record({
          kind: "status",
          at: p.at.toISOString(),
          machineId: r.id,
          outcome: p.status,
          reason: `machine "${r.name}" is ${p.status} (last heartbeat ${p.lastHeartbeat.toISOString()})`,
        });
    } finally {
      for (const w of done) w();
    }
  }

  /** Queues a change; resolves once it is committed (grouped with others arriving within `batchMs`). */
  function queue(r: Resource, change: Pending): Promise<void> {
    pending.set(idKey(r.id), change);
    const committed = new Promise<void>((resolve) => waiters.push(resolve));
    if (!timer) {
      const wait = Math.max(0, batchMs - (Date.now() - lastFlush));
      timer = setTimeout(flush, wait);
    }
    return committed;
  }

  function sweep() {
    const now = system.now();
    for (const r of system.snapshot().ofType(MACHINE_TYPE)) {
      const lastHeartbeat = lastHeartbeatOf(r);
      const status = machineStatusAt(lastHeartbeat, now);
      if (status && lastHeartbeat && status !== r.properties.status && r.properties.status !== "Expired")
        pending.set(idKey(r.id), { status, at: now, lastHeartbeat });
    }
    if (pending.size > 0) flush();
    ledger.save();
  }

  ledger.load();
  const stopFeed = system.subscribe(({ cause, changes }) => {
    if (cause === "clock") sweep();
    else for (const id of changes.deletes) ledger.forget(id);
  });
  const sweeper = setInterval(sweep, sweepMs);
  sweeper.unref();

  return {
    /**
     * A heartbeat from a machine now: Connected, and the agent version it reported. A heartbeat
     * that changes neither is only noted in the ledger; one that does resolves after its commit.
     */
    async beat(machineId: string, report?: HeartbeatReport): Promise<{ status: string; lastStatusChange?: string }> {
      const now = system.now();
      const r = system.snapshot().get(machineId);
      if (!r) throw new Error(`Machine "${machineId}" does not exist.`);
      ledger.note(r.id, now);
      const versionChanged = report?.agentVersion !== undefined && report.agentVersion !== r.properties.agentVersion;
      if (r.properties.status !== "Connected" || versionChanged)
        await queue(r, { status: "Connected", at: now, lastHeartbeat: now, agentVersion: report?.agentVersion });
      const after = system.snapshot().get(machineId);
      return {
        status: String(after?.properties.status),
        lastStatusChange: after?.properties.lastStatusChange as string | undefined,
      };
    },
    /** The last heartbeat the keeper knows of a machine (ledger or world). */
    lastHeartbeat(machineId: string): Date | undefined {
      const r = system.snapshot().get(machineId);
      return r ? lastHeartbeatOf(r) : undefined;
    },
    sweep,
    stop() {
      stopFeed();
      clearInterval(sweeper);
      if (pending.size > 0) flush();
      ledger.save();
    },
  };
}

export type StatusKeeper = ReturnType<typeof startStatusKeeper>;
