// The baseline of bench/heartbeats.ts: a bare node:https server with the same his leaf, on
// the same address and port, answering the identity exchange with a fixed token and each
// heartbeat with a fixed status. Args: file (the clients' file), address, port. Prints {"pid"}.
import { readFileSync } from "node:fs";
import { createServer } from "node:https";

const [file, address, port] = process.argv.slice(2);
const { leaf } = JSON.parse(readFileSync(file, "utf8"));
const token = JSON.stringify({ access_token: "bare", token_type: "Bearer", expires_in: 3600 });
const status = JSON.stringify({ status: "Connected", lastStatusChange: new Date().toISOString() });
const server = createServer(
  { cert: leaf.certPem, key: leaf.keyPem, keepAlive: true, keepAliveTimeout: 60_000 },
  (req, res) => {
    req.resume();
    req.on("end", () => {
      const body = req.url.endsWith("/identity") ? token : status;
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  },
);
server.listen(Number(port), address, () => process.stdout.write(`${JSON.stringify({ pid: process.pid })}\n`));
process.on("SIGINT", () => process.exit(0));
