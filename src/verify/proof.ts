import type { AgentService } from "../semantics/agent/index.js";
import { idKey } from "../world/arm-id.js";
import type { HostInfo } from "./checks/check-types.js";
import type { EndpointVerdict, Verdict } from "./verdict-types.js";

/** One Arc endpoint of a private-link machine that does not stay private: the path proves it. */
export interface Counterexample {
  hostId: string;
  machineId: string;
  scopeId: string;
  endpoint: string;
  verdict: Verdict;
  address?: string;
  /** The scope of the private endpoint reached, when it is another one. */
  reachedScopeId?: string;
  /** The verdict row; `traceLines(row)` is the counterexample's path. */
  row: EndpointVerdict;
}

/** A public endpoint private-link machines still use, and the documented rule that allows it. */
export interface PublicDependency {
  endpoint: string;
  service: string;
  hosts: number;
  rule: string;
  source: string;
}

export interface Proof {
  /** True when every Arc endpoint of every private-link machine reaches its own scope privately. */
  holds: boolean;
  machines: number;
  /** Arc endpoint rows checked. */
  checked: number;
  counterexamples: Counterexample[];
  publicDependencies: PublicDependency[];
}

const ALLOWED: Partial<Record<AgentService | "Unknown", { rule: string; source: string }>> = {
  EntraId: {
    rule: "Entra ID traffic does not go through the private link scope; it uses the public route or a proxy",
    source: "DOC-PL §3.4; DOC-NET §9",
  },
  ARM: {
    rule: "ARM traffic does not go through the private link scope unless an ARM private link is configured; used at connect and disconnect",
    source: "DOC-PL §3.4; DOC-NET §9",
  },
  Notifications: {
    rule: "The notification service (guestnotificationservice.azure.com, *.servicebus.windows.net) is not private-link capable",
    source: "DOC-NET §9",
  },
};
const OTHER = {
  rule: "Other services the extensions use need their own private endpoints; the Arc scope does not cover them",
  source: "DOC-PL §3.7",
};

/** Reached a private endpoint of the machine's own scope: accepted, or accepted once the association is effective. */
const STAYS_PRIVATE: ReadonlySet<Verdict> = new Set(["PRIVATE", "PENDING_ASSOCIATION"]);

/** What the proof needs from the rows of one host class: computed once per class. */
interface ClassFacts {
  checked: number;
  /** Row indices that are counterexamples. */
  failing: number[];
  /** Row indices of public dependencies. */
  publicRows: number[];
}

function classFacts(rows: readonly EndpointVerdict[], scopeKey: string): ClassFacts {
  const facts: ClassFacts = { checked: 0, failing: [], publicRows: [] };
  rows.forEach((row, i) => {
    if (row.privateLinkExpected) {
      facts.checked++;
      const own = row.scopeId !== undefined && idKey(row.scopeId) === scopeKey;
      if (!(STAYS_PRIVATE.has(row.verdict) && row.privateEndpointId && own)) facts.failing.push(i);
    } else if (row.verdict === "PUBLIC") facts.publicRows.push(i);
  });
  return facts;
}

/**
 * Builds the no-exfiltration proof host by host. Hosts of one class (equal verdict rows,
 * the same scope) share `classRows`, whose facts are worked out once.
 */
export function proofBuilder() {
  const counterexamples: Counterexample[] = [];
  const deps = new Map<string, PublicDependency>();
  const machines = new Set<string>();
  const facts = new WeakMap<readonly EndpointVerdict[], ClassFacts>();
  let checked = 0;
  return {
    add(host: HostInfo, rows: readonly EndpointVerdict[], offset: number, classRows: readonly EndpointVerdict[]) {
      const scopeId = host.machine?.privateLinkScopeResourceId;
      if (!host.machine || !scopeId) return;
      machines.add(host.machine.id);
      let f = facts.get(classRows);
      if (!f) {
        f = classFacts(classRows, idKey(scopeId));
        facts.set(classRows, f);
      }
      checked += f.checked;
      for (const i of f.failing) {
        const row = rows[offset + i];
        const own = row.scopeId !== undefined && idKey(row.scopeId) === idKey(scopeId);
        counterexamples.push({
          hostId: row.hostId,
          machineId: host.machine.id,
          scopeId,
          endpoint: row.endpoint,
          verdict: row.verdict,
          address: row.address,
          reachedScopeId: row.scopeId && !own ? row.scopeId : undefined,
          row,
        });
      }
      for (const i of f.publicRows) {
        const row = rows[offset + i];
        const d = deps.get(row.endpoint);
        if (d) d.hosts++;
        else {
          const allowed = ALLOWED[row.service] ?? OTHER;
          deps.set(row.endpoint, { endpoint: row.endpoint, service: row.service, hosts: 1, ...allowed });
        }
      }
    },
    result(): Proof {
      return {
        holds: counterexamples.length === 0,
        machines: machines.size,
        checked,
        counterexamples,
        publicDependencies: [...deps.values()],
      };
    },
  };
}

/**
 * The no-exfiltration proof (issue 4 §6): for every machine associated with a scope,
 * every Arc endpoint it uses must resolve to a private endpoint of its own scope and be
 * reached privately; each row that does not is a counterexample with its path
 * (`traceLines(row)`). The public endpoints those machines still reach are listed with
 * the rule allowing them.
 *
 * @example
 * proveNoExfiltration(report.verdicts, report.hosts).holds // true for the documented setup
 */
export function proveNoExfiltration(rows: readonly EndpointVerdict[], hosts: readonly HostInfo[]): Proof {
  const byHost = new Map<string, HostInfo>(hosts.map((h) => [h.client.id, h]));
  const proof = proofBuilder();
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].hostId === rows[start].hostId) continue;
    const host = byHost.get(rows[start].hostId);
    const mine = rows.slice(start, i);
    if (host) proof.add(host, mine, 0, mine);
    start = i;
  }
  return proof.result();
}
