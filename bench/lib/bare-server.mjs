// The baseline: a bare node:https server on the same certificate, answering a JSON body
// of the size of a resource group GET. Prints {"url"} when ready.
import { readFileSync } from "node:fs";
import { createServer } from "node:https";

const [certPath, keyPath] = process.argv.slice(2);
const body = JSON.stringify({
  id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/bench",
  name: "bench",
  type: "Microsoft.Resources/resourceGroups",
  location: "westeurope",
  tags: {},
  properties: { provisioningState: "Succeeded" },
});
const server = createServer(
  { cert: readFileSync(certPath), key: readFileSync(keyPath), keepAlive: true },
  (req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    });
  },
);
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ url: `https://localhost:${server.address().port}` })}\n`);
});
process.on("SIGINT", () => server.close(() => process.exit(0)));
