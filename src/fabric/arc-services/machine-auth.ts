import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { decodeJwt, errors, jwtVerify, SignJWT } from "jose";
import type { System } from "../../system/index.js";
import type { Resource } from "../../world/index.js";
import { importClientPublicKey } from "./machine-key.js";

/** Why a machine credential was refused; a closed union, each with the HTTP status it gets. */
export type CredentialRefusal =
  | "MissingCredential"
  | "MalformedCredential"
  | "UnknownMachine"
  | "NoClientPublicKey"
  | "InvalidSignature"
  | "CredentialExpired"
  | "CredentialReplayed"
  | "WrongAudience"
  | "MachineExpired";

export class CredentialError extends Error {
  readonly status = 401;
  constructor(
    readonly code: CredentialRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface MachineClaims {
  machineId: string;
  vmId?: string;
  /** Expiry of the access token, in ms since the epoch (real time). */
  expiresAt: number;
}

/** The longest an assertion may live: the agent signs a fresh one for each token request. */
const MAX_ASSERTION_SECONDS = 600;
const ACCESS_TOKEN_SECONDS = 3600;
const ISSUER = "https://gbl.his.arc.azure.com";
const ACCESS_AUDIENCE = "https://his.arc.azure.com/machines";

/**
 * Machines prove who they are with the key pair the agent created at connect: the
 * public half is the machine's `clientPublicKey` [facts §2.5]. An agent signs a short
 * assertion (JWT: `sub` = the machine's resource id, `aud` = the URL it posts to,
 * `iat`, `exp` ≤ 10 minutes later, a unique `jti`) and exchanges it for an access token
 * (ES256, one hour) that it sends as `Authorization: Bearer` on every other call.
 * Forged (signature), expired, replayed (`jti` seen before its expiry) and foreign
 * (audience) assertions are refused. Verified access tokens are cached until they
 * expire, so the hot path is one map lookup. Tokens live in real time, like the ARM
 * front's (fabric README).
 *
 * @example
 * const auth = createMachineAuth({ system });
 * const { accessToken } = await auth.exchange(assertion, "https://weu.his.arc.azure.com/machine/<vmId>/identity");
 * (await auth.verify(`Bearer ${accessToken}`)).machineId;
 */
export function createMachineAuth({
  system,
  now = () => Date.now(),
  maxCacheEntries = 100_000,
}: {
  system: System;
  now?: () => number;
  maxCacheEntries?: number;
}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const keys = new Map<string, KeyObject | undefined>();
  const seen = new Map<string, number>();
  const verified = new Map<string, MachineClaims>();

  const keyOf = (raw: unknown): KeyObject | undefined => {
    if (typeof raw !== "string") return undefined;
    if (!keys.has(raw)) {
      if (keys.size > maxCacheEntries) keys.clear();
      keys.set(raw, importClientPublicKey(raw));
    }
    return keys.get(raw);
  };

  const machine = (machineId: string) => {
    const m = system.snapshot().get(machineId);
    if (m?.type.toLowerCase() !== "microsoft.hybridcompute/machines")
      throw new CredentialError("UnknownMachine", `Machine "${machineId}" does not exist.`);
    if (m.properties.status === "Expired")
      throw new CredentialError(
        "MachineExpired",
        `Machine "${m.id}" has expired: it was disconnected for 45 days; reconnect it with azcmagent connect.`,
      );
    return m;
  };

  function forget() {
    const t = now() / 1000;
    for (const [jti, exp] of seen) if (exp < t) seen.delete(jti);
  }

  return {
    /** Exchanges a signed assertion for an access token; throws `CredentialError`. */
    async exchange(
      assertion: string,
      audience: string,
    ): Promise<{ accessToken: string; expiresIn: number; machineId: string }> {
      let claims: ReturnType<typeof decodeJwt>;
      try {
        claims = decodeJwt(assertion);
      } catch {
        throw new CredentialError("MalformedCredential", "The assertion is not a JSON Web Token.");
      }
      if (typeof claims.sub !== "string")
        throw new CredentialError("MalformedCredential", "The assertion has no 'sub' (the machine's resource id).");
      const m = machine(claims.sub);
      const key = keyOf(m.properties.clientPublicKey);
      if (!key) throw new CredentialError("NoClientPublicKey", `Machine "${m.id}" has no usable clientPublicKey.`);
      try {
        await jwtVerify(assertion, key, {
          audience,
          subject: claims.sub,
          requiredClaims: ["exp", "iat", "jti"],
          maxTokenAge: MAX_ASSERTION_SECONDS,
          currentDate: new Date(now()),
          clockTolerance: 30,
        });
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          throw new CredentialError("CredentialExpired", "The assertion has expired.");
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud")
          throw new CredentialError("WrongAudience", `The assertion is not for "${audience}".`);
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iat")
          throw new CredentialError(
            "CredentialExpired",
            `The assertion is older than ${MAX_ASSERTION_SECONDS} seconds.`,
          );
        if (error instanceof errors.JWSSignatureVerificationFailed)
          throw new CredentialError("InvalidSignature", `The assertion is not signed by the key of machine "${m.id}".`);
        throw new CredentialError("MalformedCredential", `The assertion was refused: ${(error as Error).message}.`);
      }
      forget();
      const jti = `${m.id.toLowerCase()}|${String(claims.jti)}`;
      if (seen.has(jti)) throw new CredentialError("CredentialReplayed", "The assertion was already used.");
      seen.set(jti, Number(claims.exp));
      const accessToken = await new SignJWT({ vmId: m.properties.vmId })
        .setProtectedHeader({ alg: "ES256" })
        .setIssuer(ISSUER)
        .setAudience(ACCESS_AUDIENCE)
        .setSubject(m.id)
        .setIssuedAt(Math.floor(now() / 1000))
        .setExpirationTime(Math.floor(now() / 1000) + ACCESS_TOKEN_SECONDS)
        .sign(privateKey);
      return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, machineId: m.id };
    },

    /** The machine behind an `Authorization` header's access token; throws `CredentialError`. */
    /**
     * `verify` without a tick for an access token verified before and still valid (the
     * machine is checked as in `verify`: gone or Expired throws), with the machine as the
     * snapshot has it; undefined otherwise.
     */
    verifyCached(authorization: string | undefined): { claims: MachineClaims; machine: Resource } | undefined {
      const token = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : undefined;
      const claims = token ? verified.get(token) : undefined;
      if (!claims || claims.expiresAt <= now()) return undefined;
      return { claims, machine: machine(claims.machineId) };
    },
    async verify(authorization: string | undefined): Promise<MachineClaims> {
      const token = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : undefined;
      if (!token)
        throw new CredentialError("MissingCredential", "The request has no 'Authorization: Bearer' access token.");
      let claims = verified.get(token);
      if (!claims) {
        try {
          const { payload } = await jwtVerify(token, publicKey, {
            issuer: ISSUER,
            audience: ACCESS_AUDIENCE,
            algorithms: ["ES256"],
            currentDate: new Date(now()),
          });
          claims = {
            machineId: String(payload.sub),
            vmId: payload.vmId as string | undefined,
            expiresAt: Number(payload.exp) * 1000,
          };
        } catch (error) {
          if (error instanceof errors.JWTExpired)
            throw new CredentialError("CredentialExpired", "The access token has expired.");
          throw new CredentialError("InvalidSignature", "The access token is not valid.");
        }
        if (verified.size > maxCacheEntries) verified.clear();
        verified.set(token, claims);
      }
      if (claims.expiresAt <= now()) {
        verified.delete(token);
        throw new CredentialError("CredentialExpired", "The access token has expired.");
      }
      machine(claims.machineId);
      return claims;
    },
  };
}

export type MachineAuth = ReturnType<typeof createMachineAuth>;
