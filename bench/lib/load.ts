import { Agent, request } from "node:https";

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface LoadOptions {
  url: (i: number) => string;
  method?: string;
  headers?: Record<string, string>;
  body?: (i: number) => string | undefined;
  requests: number;
  concurrency: number;
  ca: Buffer;
  /** Status codes counted as success. */
  ok?: (status: number) => boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * A bounded keep-alive HTTPS load: `requests` in total, `concurrency` at a time, over
 * one pooled agent. Returns throughput and latency percentiles.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, ca: options.ca });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const ok = options.ok ?? ((s: number) => s >= 200 && s < 300);
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const body = options.body?.(i);
      const started = process.hrtime.bigint();
      const req = request(
        options.url(i),
        {
          method: options.method ?? "GET",
          agent,
          headers: {
            ...options.headers,
            ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            if (!ok(res.statusCode ?? 0)) errors++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests) await one(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: options.requests,
    seconds,
    rps: options.requests / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
  };
}
