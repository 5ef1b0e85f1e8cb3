import { randomUUID, type webcrypto } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { ArmError } from "../../rules/errors.js";
import type { Store } from "../../store/index.js";

type CryptoKey = webcrypto.CryptoKey;

const ALG = "ES256";
const LIFETIME_SECONDS = 3600;
/** Entra backdates `nbf` by five minutes to absorb clock skew between machines. */
const SKEW_SECONDS = 300;
const SIGNING_KEY_SETTING = "identity.signingKey";

export interface TokenClaims {
  clientId: string;
  tenantId: string;
  audience: string;
  issuer: string;
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
  expiresOn: number;
  notBefore: number;
}

function expired(expiresAt: number, now: Date): ArmError {
  return new ArmError(
    "ExpiredAuthenticationToken",
    `The access token expiry UTC time '${new Date(expiresAt * 1000).toISOString()}' is earlier than current UTC time '${now.toISOString()}'.`,
  );
}

/**
 * Issues and verifies the bearer tokens of the local authority (ES256 JWTs). The signing
 * key is kept in the data directory's store, so tokens stay valid across restarts.
 *
 * @example
 * const tokens = await TokenService.open(store);
 * const { token } = await tokens.issue({ clientId, tenantId, audience: "https://management.azure.com/", issuer }, new Date());
 * (await tokens.verify(token, new Date())).clientId === clientId;
 */
export class TokenService {
  #cache = new Map<string, TokenClaims>();

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async open(store: Store): Promise<TokenService> {
    const saved = store.getSetting(SIGNING_KEY_SETTING);
    if (saved) {
      const jwk = JSON.parse(saved) as JWK;
      const { d: _d, ...pub } = jwk;
      return new TokenService((await importJWK(jwk, ALG)) as CryptoKey, (await importJWK(pub, ALG)) as CryptoKey, {
        ...pub,
        use: "sig",
        alg: ALG,
      });
    }
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    store.setSetting(SIGNING_KEY_SETTING, JSON.stringify({ ...(await exportJWK(privateKey)), kid }));
    const pub = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: ALG };
    return new TokenService(privateKey as CryptoKey, publicKey as CryptoKey, pub);
  }

  async issue(
    claims: { clientId: string; tenantId: string; audience: string; issuer: string },
    now: Date,
  ): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({
      appid: claims.clientId,
      azp: claims.clientId,
      tid: claims.tenantId,
      oid: claims.clientId,
      idtyp: "app",
      ver: "1.0",
    })
      .setProtectedHeader({ alg: ALG, typ: "JWT", kid: this.publicJwk.kid })
      .setIssuer(claims.issuer)
      .setSubject(claims.clientId)
      .setAudience(claims.audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - SKEW_SECONDS)
      .setExpirationTime(iat + LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expiresIn: LIFETIME_SECONDS, expiresOn: iat + LIFETIME_SECONDS, notBefore: iat - SKEW_SECONDS };
  }

  /**
   * Verifies a bearer token: signed by this authority's key, inside its validity window
   * at `now`. Throws ARM's 401 errors: `ExpiredAuthenticationToken` for a token of ours
   * past its expiry, `InvalidAuthenticationToken` for anything else. The audience is the
   * caller's to check.
   */
  async verify(token: string, now: Date): Promise<TokenClaims> {
    let claims = this.#cache.get(token);
    if (!claims) {
      try {
        const { payload } = await jwtVerify(token, this.publicKey, {
          algorithms: [ALG],
          currentDate: now,
          clockTolerance: 0,
        });
        claims = {
          clientId: String(payload.appid ?? payload.sub ?? ""),
          tenantId: String(payload.tid ?? ""),
          audience: String(Array.isArray(payload.aud) ? payload.aud[0] : (payload.aud ?? "")),
          issuer: String(payload.iss ?? ""),
          expiresAt: Number(payload.exp ?? 0),
        };
      } catch (error) {
        // jose checks the signature before the claims, so an expired error is about our own token.
        const { code, payload } = error as { code?: string; payload?: { exp?: number } };
        if (code === "ERR_JWT_EXPIRED") throw expired(Number(payload?.exp ?? 0), now);
        throw new ArmError(
          "InvalidAuthenticationToken",
          "The access token is invalid: it is malformed, not signed by this server's authority, or not yet valid.",
        );
      }
      if (this.#cache.size > 10_000) this.#cache.clear();
      this.#cache.set(token, claims);
    }
    if (claims.expiresAt <= Math.floor(now.getTime() / 1000)) throw expired(claims.expiresAt, now);
    return claims;
  }
}
