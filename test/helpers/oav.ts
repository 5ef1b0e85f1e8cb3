import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { TrafficValidator } from "oav";

/** The host recordings name instead of the test server's, so paths match the specs' examples. */
const AZURE = "https://management.azure.com";

export interface Recorder {
  /** Sends a request to the server without recording it. */
  send(method: string, path: string, body?: unknown): Promise<{ res: Response; body: any }>;
  /** Sends a request and records the pair in `dirFor(operationId)` in the payload format `oav validate-traffic` reads. */
  record(operationId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** How many pairs were recorded. */
  readonly count: number;
}

/** Records real request/response pairs from a running arclink (`{liveRequest, liveResponse}`). */
export function recorder(armUrl: string, token: string, dirFor: (operationId: string) => string): Recorder {
  let count = 0;
  async function send(method: string, path: string, body?: unknown) {
    const res = await fetch(`${armUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { res, body: text ? JSON.parse(text) : undefined };
  }
  return {
    send,
    get count() {
      return count;
    },
    async record(operationId, method, path, body) {
      const { res, body: responseBody } = await send(method, path, body);
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        responseHeaders[name] = value.replaceAll(armUrl, AZURE);
      });
      const pair = {
        liveRequest: {
          url: `${AZURE}${path}`,
          method,
          headers: body === undefined ? {} : { "content-type": "application/json" },
          body,
        },
        liveResponse: { statusCode: String(res.status), headers: responseHeaders, body: responseBody },
      };
      count += 1;
      const file = join(dirFor(operationId), `${String(count).padStart(2, "0")}-${operationId}.json`);
      writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`);
      return { status: res.status, body: responseBody };
    },
  };
}

/**
 * Runs oav's traffic validator over a folder of recordings against a spec. oav's CLI
 * cannot be used: it crashes writing its HTML report and still exits 0.
 */
export async function validateTraffic(spec: string, dir: string) {
  const validator = new TrafficValidator(spec, dir);
  await validator.initialize();
  const issues = await validator.validate();
  const problems = issues.flatMap((i) => [
    ...(i.errors ?? []).map(
      (e) => `${i.payloadFilePath}: ${e.code} ${e.message} at ${JSON.stringify(e.jsonPathsInPayload)}`,
    ),
    ...(i.runtimeExceptions ?? []).map((e) => `${i.payloadFilePath}: ${e.code} ${e.message}`),
  ]);
  const covered = validator.operationCoverageResult.flatMap((c) => c.coveredOperationsList.map((o) => o.operationId));
  return { problems, covered, unmatched: validator.operationUndefinedResult };
}
