import type { HostEndpoint } from "../../semantics/agent/index.js";
import type { Machine, PremisesClient } from "../../semantics/model/index.js";
import type { World } from "../../world/world.js";
import type { Finding } from "../finding.js";
import type { FindingCode } from "../findings-catalog.js";

/** A host of the world as every check sees it, read once per run. */
export interface HostInfo {
  client: PremisesClient;
  machine?: Machine;
  endpoints: HostEndpoint[];
  /** Equal for hosts whose every input to the semantics is equal (see `readHosts`). */
  classKey?: string;
}

export interface CheckContext {
  world: World;
  now: Date;
  /** Hosts with an agent, in id order. */
  hosts: readonly HostInfo[];
}

/** A world-wide verifier question: which codes it can raise and how. */
export interface WorldCheck {
  name: string;
  codes: readonly FindingCode[];
  run(ctx: CheckContext): Finding[];
}
