import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { connect } from "node:tls";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`, done by .ci/run); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.ARCLINK_CHROMIUM ?? "/usr/bin/chromium";

/** Screenshots of the portal tests: kept as artifacts, gitignored. */
export const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts/portal");

/** Flags for a quiet, offline, headless Chromium: nothing leaves the machine. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The base64 SHA-256 of the public key the server at `url` presents (Chromium's SPKI pin format). */
export function serverSpki(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(
      {
        host: hostname === "localhost" ? "127.0.0.1" : hostname,
        port: Number(port),
        servername: hostname,
        rejectUnauthorized: false,
      },
      () => {
        const cert = socket.getPeerCertificate();
        socket.end();
        const spki = new X509Certificate(cert.raw).publicKey.export({ type: "spki", format: "der" });
        done(createHash("sha256").update(spki).digest("base64"));
      },
    );
    socket.on("error", fail);
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium headless with a fresh profile, trusting exactly the arclink server's key
 * (`--ignore-certificate-errors-spki-list`), as a user who imported the lab's CA would.
 */
export async function launchBrowser(armUrl: string): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run 'apt-get install -y chromium' (.ci/run does).`);
  const profile = mkdtempSync(join(tmpdir(), "arclink-chromium-"));
  const spki = await serverSpki(armUrl);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--ignore-certificate-errors-spki-list=${spki}`],
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
