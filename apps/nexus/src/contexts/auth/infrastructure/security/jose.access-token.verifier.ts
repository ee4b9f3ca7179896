import { errors, type JWTHeaderParameters, jwtVerify } from "jose";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Caller } from "../../contracts/caller";
import { isRole } from "../../contracts/caller";
import { ACCESS_TOKEN_TYPE } from "./jose.access-token.issuer";
import { SIGNING_ALGORITHM, type SigningKeySet } from "./signing-keys";

export interface VerifiedAccessToken extends Caller {
  readonly tokenId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/** Why a token was refused: for logs only; clients always get the same 401. */
export type InvalidAccessToken = DomainError<"invalid-access-token">;

export interface AccessTokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Allowed clock skew between instances, seconds. */
  readonly clockToleranceSeconds?: number;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Verifies access tokens against the local key set (no network): the algorithm is pinned to EdDSA,
 * so `alg: none` and HS256 made with the public key as HMAC secret are refused before any key is used.
 */
export class JoseAccessTokenVerifier {
  private readonly now: () => number;

  constructor(
    private readonly keys: SigningKeySet,
    private readonly options: AccessTokenVerifierOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<Result<VerifiedAccessToken, InvalidAccessToken>> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [SIGNING_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ["sub", "jti", "iat", "exp"],
        clockTolerance: this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      return invalid(error instanceof errors.JOSEError ? error.code : "unreadable token");
    }
    const { sub, sid, org, role, jti, exp } = payload;
    if (typeof sub !== "string" || !UUID.test(sub)) return invalid("sub is not a UUID");
    if (typeof sid !== "string" || !UUID.test(sid)) return invalid("sid is not a UUID");
    if (org !== null && (typeof org !== "string" || !UUID.test(org))) return invalid("org is not a UUID or null");
    if (role !== null && !isRole(role)) return invalid("role is not a role or null");
    if ((org === null) !== (role === null)) return invalid("org and role must be given together");
    if (typeof jti !== "string" || typeof exp !== "number") return invalid("jti or exp malformed");
    return ok({ userId: sub, sessionId: sid, organizationId: org, role, tokenId: jti, expiresAt: exp });
  }

  private keyFor(header: JWTHeaderParameters): CryptoKey {
    const key = header.kid === undefined ? undefined : this.keys.find(header.kid);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key.publicKey;
  }
}

function invalid(message: string): Result<never, InvalidAccessToken> {
  return err({ code: "invalid-access-token", message });
}
