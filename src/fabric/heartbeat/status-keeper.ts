import { randomUUID } from "node:crypto";
import { machineStatusAt } from "../../semantics/agent/machine-status.js";
import type { System } from "../../system/index.js";
import type { Resource } from "../../world/index.js";
import type { AuditLog } from "../audit/audit-log.js";

const MACHINE_TYPE = "microsoft.hybridcompute/machines";

/** What a heartbeat may report; the rest of the machine is the agent's business (issue 12). */
export interface HeartbeatReport {
  agentVersion?: string;
}

/**
 * Keeps machines' `status` and `lastStatusChange` [facts §2.5] moving with heartbeats and
 * the virtual clock: a heartbeat makes a machine Connected; `machineStatusAt` (semantics)
 * says when it becomes Disconnected (15 minutes) and Expired (45 days). Only changes are
 * committed, through the hub (`system.commit`), so ARM, the portal and `verify` see them
 * and the feed publishes them; the last heartbeat is kept in `internal.lastHeartbeatAt`
 * when the status changes and in memory between. A sweep runs on every clock move and
 * every `sweepMs` of real time.
 *
 * @example
 * const keeper = startStatusKeeper({ system, audit });
 * keeper.beat(machineId); // Connected now
 * system.advanceClock(16 * 60_000); // Disconnected
 */
export function startStatusKeeper({
  system,
  audit,
  sweepMs = 1000,
}: {
  system: System;
  audit?: AuditLog;
  sweepMs?: number;
}) {
  const last = new Map<string, Date>();

  function lastHeartbeatOf(r: Resource): Date | undefined {
    const inMemory = last.get(r.id.toLowerCase());
    if (inMemory) return inMemory;
    const saved = r.internal?.lastHeartbeatAt;
    return typeof saved === "string" ? new Date(saved) : undefined;
  }

  function change(r: Resource, status: string, now: Date, lastHeartbeat: Date, report?: HeartbeatReport) {
    const next: Resource = {
      ...r,
      etag: randomUUID(),
      properties: {
        ...r.properties,
        status,
        lastStatusChange: now.toISOString(),
        ...(report?.agentVersion ? { agentVersion: report.agentVersion } : {}),
      },
      internal: { ...r.internal, lastHeartbeatAt: lastHeartbeat.toISOString() },
    };
    system.commit({ puts: [next], deletes: [] });
    audit?.record({
      kind: "status",
      at: now.toISOString(),
      machineId: r.id,
      outcome: status,
      reason: `machine "${r.name}" is ${status} (last heartbeat ${lastHeartbeat.toISOString()})`,
    });
  }

  function sweep() {
    const now = system.now();
    for (const r of system.snapshot().ofType(MACHINE_TYPE)) {
      const status = machineStatusAt(lastHeartbeatOf(r), now);
      const lastHeartbeat = lastHeartbeatOf(r);
      if (status && lastHeartbeat && status !== r.properties.status && r.properties.status !== "Expired")
        change(r, status, now, lastHeartbeat);
    }
  }

  const stopFeed = system.subscribe(({ cause }) => {
    if (cause === "clock") sweep();
  });
  const timer = setInterval(sweep, sweepMs);
  timer.unref();

  return {
    /** A heartbeat from a machine now: Connected, and the agent version it reported. */
    beat(machineId: string, report?: HeartbeatReport): { status: string; lastStatusChange?: string } {
      const now = system.now();
      const r = system.snapshot().get(machineId);
      if (!r) throw new Error(`Machine "${machineId}" does not exist.`);
      last.set(r.id.toLowerCase(), now);
      const versionChanged = report?.agentVersion !== undefined && report.agentVersion !== r.properties.agentVersion;
      if (r.properties.status !== "Connected" || versionChanged) change(r, "Connected", now, now, report);
      const after = system.snapshot().get(machineId);
      return {
        status: String(after?.properties.status),
        lastStatusChange: after?.properties.lastStatusChange as string | undefined,
      };
    },
    sweep,
    stop() {
      stopFeed();
      clearInterval(timer);
    },
  };
}

export type StatusKeeper = ReturnType<typeof startStatusKeeper>;
