import { SignJWT } from "jose";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type {
  AccessTokenClaims,
  AccessTokenIssuer,
  IssuedAccessToken,
} from "../../application/ports/access-token.port";
import { SIGNING_ALGORITHM, type SigningKeySet } from "./signing-keys";

/** RFC 9068's media type: a token of another kind signed by the same key is not an access token. */
export const ACCESS_TOKEN_TYPE = "at+jwt";

export interface AccessTokenOptions {
  readonly issuer: string;
  readonly audience: string;
  /** ACCESS_TOKEN_TTL_SECONDS (600–900, spec §4). */
  readonly ttlSeconds: number;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
}

/** Signs access tokens with the active Ed25519 key (EdDSA, `kid` header). */
export class JoseAccessTokenIssuer implements AccessTokenIssuer {
  private readonly now: () => number;

  constructor(
    private readonly keys: SigningKeySet,
    private readonly options: AccessTokenOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const key = this.keys.active;
    const nowMs = this.now();
    const issuedAt = Math.floor(nowMs / 1000);
    const token = await new SignJWT({ sid: claims.sessionId, org: claims.organizationId, role: claims.role })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(claims.userId)
      // UUIDv7: its millisecond timestamp dates the token exactly (membership revocations compare it).
      .setJti(Uuid.generate(nowMs))
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.options.ttlSeconds)
      .sign(key.privateKey);
    return { token, expiresIn: this.options.ttlSeconds };
  }
}
