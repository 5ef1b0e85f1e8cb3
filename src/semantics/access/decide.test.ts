import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ARC_IDS,
  type ArcWorldOptions,
  arcPrivateLinkResources,
  machine,
  privateLinkScope,
  worldOf,
} from "../testing/index.js";
import type { Arrival, RefusalReason } from "./access-types.js";
import { decide } from "./decide.js";

const associatedAt = "2026-01-01T00:00:00Z";
const at = (minutes: number) => new Date(Date.parse(associatedAt) + minutes * 60_000);
const viaPe: Arrival = { kind: "private-endpoint", privateEndpointId: ARC_IDS.pe };
const viaPublic: Arrival = { kind: "public" };

interface Case {
  title: string;
  options?: ArcWorldOptions;
  machineId?: string;
  arrival: Arrival;
  now?: Date;
  expect: "ALLOW" | RefusalReason;
}

const cases: Case[] = [
  { title: "associated, approved, effective", arrival: viaPe, now: at(60), expect: "ALLOW" },
  { title: "effective at exactly +15 minutes", arrival: viaPe, now: at(15), expect: "ALLOW" },
  {
    title: "pending one millisecond before +15 minutes",
    arrival: viaPe,
    now: new Date(at(15).getTime() - 1),
    expect: "PENDING_ASSOCIATION",
  },
  {
    title: "connection Pending",
    options: { connectionStatus: "Pending" },
    arrival: viaPe,
    now: at(60),
    expect: "PE_NOT_APPROVED",
  },
  {
    title: "connection Rejected",
    options: { connectionStatus: "Rejected" },
    arrival: viaPe,
    now: at(60),
    expect: "PE_NOT_APPROVED",
  },
  { title: "unknown machine", machineId: `${ARC_IDS.machine}-x`, arrival: viaPe, expect: "UNKNOWN_MACHINE" },
  {
    title: "unknown private endpoint",
    arrival: { kind: "private-endpoint", privateEndpointId: `${ARC_IDS.pe}-x` },
    expect: "UNKNOWN_PRIVATE_ENDPOINT",
  },
  { title: "public arrival with a Disabled scope", arrival: viaPublic, expect: "PUBLIC_ACCESS_DISABLED" },
  {
    title: "public arrival with an Enabled scope",
    options: { publicNetworkAccess: "Enabled" },
    arrival: viaPublic,
    expect: "ALLOW",
  },
];

describe("decide", () => {
  for (const c of cases) {
    it(c.title, () => {
      const d = decide(
        worldOf(arcPrivateLinkResources(c.options)),
        c.machineId ?? ARC_IDS.machine,
        c.arrival,
        c.now ?? at(60),
      );
      assert.equal(d.decision === "ALLOW" ? "ALLOW" : d.reason, c.expect, JSON.stringify(d.trace, null, 1));
      assert.ok(d.trace.length > 0);
    });
  }

  it("refuses a machine with no scope at the PE, and allows it publicly", () => {
    const resources = [...arcPrivateLinkResources(), machine("plain")];
    const id = ARC_IDS.machine.replace(/srv1$/, "plain");
    const world = worldOf(resources);
    const d = decide(world, id, viaPe, at(60));
    assert.equal(d.decision === "REFUSE" && d.reason, "NOT_ASSOCIATED");
    assert.equal(decide(world, id, viaPublic, at(60)).decision, "ALLOW");
  });

  it("refuses a machine associated with another scope", () => {
    const other = privateLinkScope("other-pls");
    const resources = [...arcPrivateLinkResources(), other, machine("m2", { scopeId: other.id, associatedAt })];
    const d = decide(worldOf(resources), ARC_IDS.machine.replace(/srv1$/, "m2"), viaPe, at(60));
    assert.equal(d.decision === "REFUSE" && d.reason, "NOT_ASSOCIATED");
  });

  it("treats an unrecorded association time as effective", () => {
    const resources = arcPrivateLinkResources().map((r) =>
      r.id === ARC_IDS.machine ? { ...r, internal: undefined } : r,
    );
    assert.equal(decide(worldOf(resources), ARC_IDS.machine, viaPe, at(0)).decision, "ALLOW");
  });

  it("accepts a machine onboarded with its scope at once, and still refuses it at another scope's endpoint", () => {
    const onboarded = (scopeId: string) =>
      arcPrivateLinkResources().map((r) =>
        r.id === ARC_IDS.machine
          ? {
              ...r,
              properties: { ...r.properties, privateLinkScopeResourceId: scopeId },
              internal: { privateLinkScopeAssociatedAt: associatedAt, privateLinkScopeSetAtOnboarding: true },
            }
          : r,
      );
    const d = decide(worldOf(onboarded(ARC_IDS.scope)), ARC_IDS.machine, viaPe, at(0));
    assert.equal(d.decision, "ALLOW", JSON.stringify(d.trace));
    assert.match(d.trace.at(-1)?.detail ?? "", /onboarded with the scope/);
    const other = privateLinkScope("other-pls");
    const elsewhere = decide(worldOf([...onboarded(other.id), other]), ARC_IDS.machine, viaPe, at(0));
    assert.equal(elsewhere.decision === "REFUSE" && elsewhere.reason, "NOT_ASSOCIATED");
  });

  it("refuses when the machine's scope was deleted", () => {
    const resources = arcPrivateLinkResources().filter((r) => r.id !== ARC_IDS.scope);
    const d = decide(worldOf(resources), ARC_IDS.machine, viaPublic, at(60));
    assert.equal(d.decision === "REFUSE" && d.reason, "SCOPE_NOT_FOUND");
  });
});
