// The simulated machines of bench/heartbeats.ts, in their own process: for each machine a
// plain HTTPS client bound to its host's realized address, with one kept-alive TLS
// connection, presenting the machine's real credential: an ES256 assertion signed with its
// key exchanged once for an access token, then `POST /machine/<vmId>/heartbeat` with it
// every interval (the first spread over one interval). Args: file address port seconds
// intervalMs. Prints {"phase":"connected",…} once every machine holds a token, then the result.
import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { signMachineAssertion } from "../../src/fabric/arc-services/index.js";

const [file, address, port, seconds, intervalMs] = process.argv.slice(2);
const setup = JSON.parse(readFileSync(file, "utf8")) as {
  name: string;
  ca: string;
  machines: { machineId: string; vmId: string; from: string; key: string }[];
};
const interval = Number(intervalMs);
const errors = new Map<string, number>();
const fail = (why: string) => errors.set(why, (errors.get(why) ?? 0) + 1);

function post(agent: Agent, from: string, path: string, body: string, token?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: address,
        port: Number(port),
        localAddress: from,
        servername: setup.name,
        method: "POST",
        path,
        agent,
        timeout: 10_000,
        headers: {
          host: setup.name,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

// Onboarding: every machine exchanges an assertion for a token over its own connection.
const clients = setup.machines.map((m) => ({
  ...m,
  agent: new Agent({ keepAlive: true, maxSockets: 1, ca: setup.ca, timeout: 60_000 }),
  token: "",
}));
const t0 = Date.now();
let next = 0;
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (next < clients.length) {
      const c = clients[next++];
      const path = `/machine/${c.vmId}/identity`;
      try {
        const assertion = await signMachineAssertion(
          createPrivateKey(c.key),
          c.machineId,
          `https://${setup.name}${path}`,
        );
        const res = await post(c.agent, c.from, path, JSON.stringify({ assertion }));
        if (res.status === 200) c.token = JSON.parse(res.body).access_token;
        else fail(`identity ${res.status} ${res.body.slice(0, 120)}`);
      } catch (e) {
        fail(`identity ${(e as Error).message}`);
      }
    }
  }),
);
const onboardMs = Date.now() - t0;
process.stdout.write(
  `${JSON.stringify({ phase: "connected", onboardMs, tokens: clients.filter((c) => c.token).length })}\n`,
);

// The heartbeats: each machine every interval, the first at a random point of the first one.
const latencies: number[] = [];
let beats = 0;
const start = Date.now();
const end = start + Number(seconds) * 1000;
await Promise.all(
  clients.map(async (c) => {
    let due = start + Math.random() * interval;
    for (;;) {
      const wait = due - Date.now();
      if (due >= end) return;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      try {
        const res = await post(c.agent, c.from, `/machine/${c.vmId}/heartbeat`, '{"agentVersion":"1.45"}', c.token);
        if (res.status !== 200) fail(`heartbeat ${res.status} ${res.body.slice(0, 120)}`);
      } catch (e) {
        fail(`heartbeat ${(e as Error).message}`);
      }
      beats++;
      latencies.push(performance.now() - t);
      due += interval;
    }
  }),
);
const elapsed = (Date.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    phase: "done",
    beats,
    elapsed,
    errors: [...errors.values()].reduce((a, b) => a + b, 0),
    errorKinds: Object.fromEntries(errors),
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  })}\n`,
);
for (const c of clients) c.agent.destroy();
process.exit(0);
