import type { EngineEnv } from "../arm/engine.js";
import { ArmError } from "../rules/errors.js";
import { runWrite } from "../system/write-path.js";
import { type ChangeSet, OverlayWorld, type World } from "../world/index.js";
import { dependencyOrder } from "./order.js";
import type { WorldEntry } from "./parse.js";

export interface ApplyError {
  id: string;
  line: number;
  code: string;
  message: string;
  /** The property the error names, when the rule gives one. */
  target?: string;
}

export interface ApplyReport {
  applied: number;
  errors: ApplyError[];
}

/** What a world is applied to: the system hub (src/system), or anything with its write path. */
export interface ApplyTarget {
  readonly env: EngineEnv;
  readonly tenantId: string;
  now(): Date;
  /** The lab's own service principal, recorded in systemData when no other is given. */
  defaultPrincipalId(): string;
  snapshot(): World;
  commit(changes: ChangeSet): unknown;
}

/**
 * Applies a world: each entry is PUT through the same engine and rules as the REST API,
 * in dependency order, against the world as the earlier entries left it. Only when
 * every entry succeeds is the whole world committed, in one transaction; otherwise
 * nothing changes and every entry's error is reported.
 *
 * @example
 * const report = applyWorld(system, parseWorld(text, "world.yaml", subscriptionId));
 */
export function applyWorld(
  target: ApplyTarget,
  entries: readonly WorldEntry[],
  options: { principalId?: string /** Validate only: commit nothing. */; dryRun?: boolean } = {},
): ApplyReport {
  const overlay = new OverlayWorld(target.snapshot());
  const errors: ApplyError[] = [];
  const failed = new Set<string>();
  const { order, dependsOn } = dependencyOrder(entries);
  const indexOf = new Map(entries.map((e, i) => [e, i]));
  const now = target.now();
  const principalId = options.principalId ?? target.defaultPrincipalId();
  const ctx = { env: target.env, world: overlay, now, tenantId: target.tenantId, principalId };
  for (const entry of order) {
    const blocking = dependsOn
      .get(indexOf.get(entry)!)!
      .map((d) => entries[d])
      .find((d) => failed.has(d.id));
    if (blocking) {
      failed.add(entry.id);
      errors.push({
        id: entry.id,
        line: entry.line,
        code: "DependencyFailed",
        message: `Not applied: it depends on '${blocking.id}' (line ${blocking.line}), which failed.`,
      });
      continue;
    }
    try {
      const { apiVersion, ...body } = entry.body;
      const outcome = runWrite(ctx, "PUT", entry.id, body, { apiVersion: apiVersion as string | undefined });
      if (outcome.changes) overlay.add(outcome.changes);
    } catch (error) {
      failed.add(entry.id);
      if (!(error instanceof ArmError)) throw error;
      errors.push({
        id: entry.id,
        line: entry.line,
        code: String(error.code),
        message: error.message,
        ...(error.target ? { target: error.target } : {}),
      });
    }
  }
  if (errors.length === 0 && !options.dryRun) target.commit(overlay.changes());
  return { applied: errors.length === 0 ? entries.length : 0, errors };
}
