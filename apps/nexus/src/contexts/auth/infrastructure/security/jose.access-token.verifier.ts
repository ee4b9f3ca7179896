import { errors, type JWTHeaderParameters, jwtVerify } from "jose";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Caller } from "../../contracts/caller";
import { isRole } from "../../contracts/caller";
import { ACCESS_TOKEN_TYPE } from "./jose.access-token.issuer";
import { SIGNING_ALGORITHM, type SigningKeySet } from "./signing-keys";

export interface VerifiedAccessToken extends Caller {
  readonly tokenId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
  /** Epoch ms: the UUIDv7 jti's when it agrees with `iat`, else the start of `iat`'s second. */
  readonly issuedAtMs: number;
}

/** Why a token was refused: for logs only; clients always get the same 401. */
export type InvalidAccessToken = DomainError<"invalid-access-token">;

export interface AccessTokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** ACCESS_TOKEN_TTL_SECONDS: a token living longer (exp − iat) was not issued under this config. */
  readonly maxLifetimeSeconds: number;
  /** Allowed clock skew between instances, seconds. */
  readonly clockToleranceSeconds?: number;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;
const VERIFIED_CACHE_SIZE = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Verifies access tokens against the local key set (no network): the algorithm is pinned to EdDSA,
 * so `alg: none` and HS256 made with the public key as HMAC secret are refused before any key is used.
 */
export class JoseAccessTokenVerifier {
  private readonly now: () => number;
  /**
   * Tokens whose signature and claims were already checked, until they expire. An Ed25519 verify is
   * ~120 µs, more than the rest of a request; a token is immutable, so checking it once is enough.
   * (Revocation is not cached here: the guard asks the revocation feed on every request.)
   */
  private readonly verified = new Map<string, VerifiedAccessToken>();

  constructor(
    private readonly keys: SigningKeySet,
    private readonly options: AccessTokenVerifierOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<Result<VerifiedAccessToken, InvalidAccessToken>> {
    const cached = this.verified.get(token);
    if (cached && !this.expired(cached)) return ok(cached);
    if (cached) this.verified.delete(token);
    const result = await this.verifySignatureAndClaims(token);
    if (result.ok) this.remember(token, result.value);
    return result;
  }

  private expired(token: VerifiedAccessToken): boolean {
    const toleranceSeconds = this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    return this.now() >= (token.expiresAt + toleranceSeconds) * 1000;
  }

  private remember(token: string, verified: VerifiedAccessToken): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, verified);
  }

  private async verifySignatureAndClaims(token: string): Promise<Result<VerifiedAccessToken, InvalidAccessToken>> {
    const toleranceSeconds = this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [SIGNING_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ["sub", "jti", "iat", "exp"],
        clockTolerance: toleranceSeconds,
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      return invalid(error instanceof errors.JOSEError ? error.code : "unreadable token");
    }
    const { sub, sid, org, role, jti, exp, iat } = payload;
    if (typeof sub !== "string" || !UUID.test(sub)) return invalid("sub is not a UUID");
    if (typeof sid !== "string" || !UUID.test(sid)) return invalid("sid is not a UUID");
    if (org !== null && (typeof org !== "string" || !UUID.test(org))) return invalid("org is not a UUID or null");
    if (role !== null && !isRole(role)) return invalid("role is not a role or null");
    if ((org === null) !== (role === null)) return invalid("org and role must be given together");
    if (typeof jti !== "string" || typeof exp !== "number" || typeof iat !== "number") {
      return invalid("jti, exp or iat malformed");
    }
    // A leaked signing key (or a clock far off) would otherwise mint tokens that outlive any rotation.
    if (iat > this.now() / 1000 + toleranceSeconds) return invalid("iat is in the future");
    if (exp - iat > this.options.maxLifetimeSeconds) return invalid("lifetime exceeds the access-token TTL");
    return ok({
      userId: sub,
      sessionId: sid,
      organizationId: org,
      role,
      tokenId: jti,
      expiresAt: exp,
      issuedAtMs: issuedAtMs(jti, iat),
    });
  }

  private keyFor(header: JWTHeaderParameters): CryptoKey {
    const key = header.kid === undefined ? undefined : this.keys.find(header.kid);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key.publicKey;
  }
}

/**
 * Our issuer dates the jti (UUIDv7) with the issuing clock; a generator kept monotonic may have
 * moved it, so it is only used within `iat`'s second. The fallback errs early: a revocation in
 * the same second also covers a token issued just after it.
 */
function issuedAtMs(jti: string, iat: number): number {
  const fromJti = Uuid.isValid(jti) ? Uuid.timestampOf(jti) : Number.NaN;
  return Math.floor(fromJti / 1000) === iat ? fromJti : iat * 1000;
}

function invalid(message: string): Result<never, InvalidAccessToken> {
  return err({ code: "invalid-access-token", message });
}
