import { randomUUID, type webcrypto } from "node:crypto";

type CryptoKey = webcrypto.CryptoKey;

import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { ArmError } from "../../rules/errors.js";
import type { Store } from "../../store/index.js";

const ALG = "ES256";
const LIFETIME_SECONDS = 3600;

export interface TokenClaims {
  clientId: string;
  tenantId: string;
  audience: string;
  expiresAt: number;
}

/**
 * Issues and verifies the bearer tokens of the local authority. The signing key lives in
 * the data directory, so tokens stay valid across restarts.
 */
export class TokenService {
  #cache = new Map<string, TokenClaims>();

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async open(store: Store): Promise<TokenService> {
    const saved = store.getSetting("identity.signingKey");
    if (saved) {
      const jwk = JSON.parse(saved) as JWK;
      const { d: _d, ...pub } = jwk;
      return new TokenService((await importJWK(jwk, ALG)) as CryptoKey, (await importJWK(pub, ALG)) as CryptoKey, {
        ...pub,
        kid: jwk.kid,
        use: "sig",
        alg: ALG,
      });
    }
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(privateKey)), kid };
    store.setSetting("identity.signingKey", JSON.stringify(jwk));
    const pub = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: ALG };
    return new TokenService(privateKey as CryptoKey, publicKey as CryptoKey, pub);
  }

  async issue(
    claims: { clientId: string; tenantId: string; audience: string; issuer: string },
    now: Date,
  ): Promise<{ token: string; expiresIn: number; expiresOn: number }> {
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
      .setNotBefore(iat - 300)
      .setExpirationTime(iat + LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expiresIn: LIFETIME_SECONDS, expiresOn: iat + LIFETIME_SECONDS };
  }

  /**
   * Verifies a bearer token for ARM: our signature, not expired at `now`, and an
   * audience `acceptAudience` allows. Throws the ARM 401 errors.
   */
  async verify(token: string, now: Date, acceptAudience: (aud: string) => boolean): Promise<TokenClaims> {
    const nowSec = Math.floor(now.getTime() / 1000);
    let claims = this.#cache.get(token);
    if (!claims) {
      try {
        const { payload } = await jwtVerify(token, this.publicKey, { currentDate: now, clockTolerance: 0 });
        claims = {
          clientId: String(payload.appid ?? payload.sub ?? ""),
          tenantId: String(payload.tid ?? ""),
          audience: String(Array.isArray(payload.aud) ? payload.aud[0] : (payload.aud ?? "")),
          expiresAt: Number(payload.exp ?? 0),
        };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ERR_JWT_EXPIRED") {
          throw new ArmError(
            "ExpiredAuthenticationToken",
            "The access token expiry UTC time is earlier than current UTC time.",
          );
        }
        throw new ArmError("InvalidAuthenticationToken", "The access token is invalid.");
      }
      if (this.#cache.size > 10_000) this.#cache.clear();
      this.#cache.set(token, claims);
    }
    if (claims.expiresAt <= nowSec) {
      throw new ArmError(
        "ExpiredAuthenticationToken",
        "The access token expiry UTC time is earlier than current UTC time.",
      );
    }
    if (!acceptAudience(claims.audience)) {
      throw new ArmError(
        "InvalidAuthenticationTokenAudience",
        `The access token has been obtained for wrong audience or resource '${claims.audience}'. It should exactly match with one of the allowed audiences of this server.`,
      );
    }
    return claims;
  }
}
