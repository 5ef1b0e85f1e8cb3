import { existsSync } from "node:fs";
import type { Command } from "commander";
import {
  type AddressRow,
  addressRows,
  DNS_FALLBACK_PORT,
  HTTPS_FALLBACK_PORT,
  loopbackRealization,
  servicePort,
} from "../fabric/addresses/index.js";
import { chosenSource } from "./verify.js";
import { DEFAULT_DATA_DIR, loadCliWorld } from "./world-source.js";

interface AddressesFlags {
  world?: string;
  lab?: string;
  data?: string;
  json?: boolean;
}

/** The world of a command that reads one: the flags, else `.arclink` if it exists, else the default world. */
export function worldFromFlags(opts: Pick<AddressesFlags, "world" | "lab" | "data">) {
  const none = opts.world === undefined && opts.lab === undefined && opts.data === undefined;
  if (none && !existsSync(DEFAULT_DATA_DIR)) return loadCliWorld({ kind: "lab", name: "default" });
  return loadCliWorld(chosenSource(opts));
}

function renderRows(rows: readonly AddressRow[]): string {
  const cells = rows.map((r) => [
    r.address,
    `${r.realized}${r.port === undefined ? "" : `:${r.port}`}`,
    r.kind,
    r.entity,
  ]);
  const head = ["WORLD ADDRESS", "REALIZED", "KIND", "ENTITY"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join("  ");
  return `${[line(head), ...cells.map(line)].join("\n")}\n`;
}

/** `arclink addresses`: where each world address lives on this machine (src/fabric/addresses). */
export function registerAddresses(program: Command): void {
  program
    .command("addresses")
    .description("print the loopback realization: world address → realized address:port, entity")
    .option("--world <file>", "a world file")
    .option("--lab <name>", "a lab's world ('default' is worlds/default.yaml)")
    .option("--data <dir>", "a data directory's live world (default .arclink if it exists, else the default world)")
    .option("--json", "print the rows as a JSON array")
    .action(async (opts: AddressesFlags) => {
      const { world } = worldFromFlags(opts);
      const ports = {
        dns: await servicePort(53, DNS_FALLBACK_PORT),
        https: await servicePort(443, HTTPS_FALLBACK_PORT),
      };
      const rows = addressRows(world, loopbackRealization().map(world), ports);
      process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : renderRows(rows));
    });
}
