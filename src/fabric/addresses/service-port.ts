import { createSocket } from "node:dgram";
import { createServer } from "node:net";

/** Where DNS listens when the process may not bind port 53 (not root, no CAP_NET_BIND_SERVICE). */
export const DNS_FALLBACK_PORT = 10053;
/** Where HTTPS front doors listen when the process may not bind port 443. */
export const HTTPS_FALLBACK_PORT = 10443;
/** A loopback address no world uses (127.255.x.x is never handed out), for probing. */
const PROBE_ADDRESS = "127.255.255.254";

function canBindTcp(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen({ port, host: PROBE_ADDRESS, exclusive: true }, () => server.close(() => done(true)));
  });
}

function canBindUdp(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createSocket("udp4");
    socket.once("error", () => {
      socket.close();
      done(false);
    });
    socket.bind(port, PROBE_ADDRESS, () => socket.close(() => done(true)));
  });
}

/**
 * The standard port if this process may bind it on loopback (TCP and UDP), else the fallback.
 *
 * @example
 * const port = await servicePort(53, DNS_FALLBACK_PORT); // 53 as root, 10053 otherwise
 */
export async function servicePort(standard: number, fallback: number): Promise<number> {
  return (await canBindTcp(standard)) && (await canBindUdp(standard)) ? standard : fallback;
}
