import { readWorldFile } from "../../src/cli/apply.js";
import { type DnsPlane, startDnsPlane } from "../../src/dns/index.js";
import { loopbackRealization, type RealizationTable } from "../../src/fabric/addresses/index.js";
import { openSystem, type System } from "../../src/system/index.js";

export interface LiveDns {
  system: System;
  plane: DnsPlane;
  table(): RealizationTable;
  /** Realized address of the entity whose id ends with `/suffix` (a host, DNS server, …). */
  at(suffix: string): string;
  stop(): Promise<void>;
}

/**
 * A system hub on a world file with the DNS plane on port 53, on loopback blocks of its
 * own (a random seed), so test files running in parallel never share an address.
 */
export async function liveDns(
  worldFile = "worlds/default.yaml",
  options: { defaultFrom?: string } = {},
): Promise<LiveDns> {
  const system = openSystem({ memory: true });
  const report = system.apply(readWorldFile(worldFile));
  if (report.errors.length) throw new Error(`World ${worldFile} refused: ${JSON.stringify(report.errors)}`);
  const plane = await startDnsPlane({
    system,
    realization: loopbackRealization({ seed: `test-${process.pid}-${Math.random()}` }),
    defaultFrom: options.defaultFrom,
    onError: (e) => {
      throw e;
    },
  });
  const at = (suffix: string) => {
    const entry = plane
      .table()
      .entries.find((e) =>
        e.entities.some((x) => ("id" in x ? x.id : "").toLowerCase().endsWith(`/${suffix.toLowerCase()}`)),
      );
    if (!entry) throw new Error(`No entity ending in '${suffix}' in the table`);
    return entry.realized;
  };
  return {
    system,
    plane,
    table: () => plane.table(),
    at,
    async stop() {
      await plane.stop();
      system.close();
    },
  };
}
