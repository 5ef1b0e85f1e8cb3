/** A machine's connection status as the Arc service reports it; a closed union. */
export type MachineStatus = "Connected" | "Disconnected" | "Expired";

/** The agent heartbeats every 5 minutes [DOC-NET, facts §9]. */
export const HEARTBEAT_INTERVAL_MS = 5 * 60_000;
/** Without a heartbeat for 15 minutes a machine shows Disconnected (arclink's reading of the portal's behaviour). */
export const DISCONNECTED_AFTER_MS = 15 * 60_000;
/** Disconnected for 45 days, the machine's identity expires; it must be onboarded again [DOC-AZCM, Arc servers FAQ]. */
export const EXPIRED_AFTER_MS = 45 * 24 * 3600_000;

/**
 * The status of a machine whose last heartbeat was at `lastHeartbeat`, at `now`: pure,
 * so the live fabric's sweeper, the verifier and tests agree. A machine that never sent
 * a heartbeat keeps the status it has (`undefined`: no change).
 *
 * @example
 * machineStatusAt(new Date("2026-01-01T00:00Z"), new Date("2026-01-01T00:20Z")) // "Disconnected"
 */
export function machineStatusAt(lastHeartbeat: Date | undefined, now: Date): MachineStatus | undefined {
  if (!lastHeartbeat) return undefined;
  const quiet = now.getTime() - lastHeartbeat.getTime();
  if (quiet >= EXPIRED_AFTER_MS) return "Expired";
  if (quiet >= DISCONNECTED_AFTER_MS) return "Disconnected";
  return "Connected";
}
