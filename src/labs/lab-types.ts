import type { FindingCode } from "../verify/findings-catalog.js";
import type { Verdict } from "../verify/verdict-types.js";
import type { LabWorld } from "./lab-world.js";

/** What the verifier must say about one host (by name) and one endpoint FQDN of a lab. */
export interface ExpectedVerdict {
  host: string;
  endpoint: string;
  verdict: Verdict;
}

/**
 * One named design mistake: a valid world (every resource passes the providers'
 * validation) that the verifier must flag. The world is the default world
 * (`worlds/default.yaml`) changed by `patch`; `worlds/labs/<name>.yaml` is generated.
 */
export interface Lab {
  /** kebab-case; the file is `worlds/labs/<name>.yaml`. */
  name: string;
  title: string;
  /** What the lab sets up, in one or two sentences. */
  description: string;
  /** The mistake, as the docs warn about it, with the source key. */
  mistake: string;
  /** How to fix it. */
  fix: string;
  /** Every `ARC-…` finding code the verifier must report (sorted, each once). */
  expectedFindings: FindingCode[];
  /** Rows of the verdict table that show the mistake (and, where useful, what it leaves working). */
  expectedVerdicts: ExpectedVerdict[];
  /**
   * Minutes between applying the world and verifying it (default 60: every machine's
   * scope association is effective, facts §3.10). A lab about the association delay
   * verifies sooner.
   */
  verifyAfterMinutes?: number;
  /** Changes the default world into the lab's world. */
  patch(world: LabWorld): void;
}
