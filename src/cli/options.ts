import { UsageError } from "./exit-codes.js";

/** Parses a TCP port flag: an integer from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`Invalid value for --port: '${value}'. Expected an integer from 0 to 65535.`);
  }
  return port;
}
