import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Cache } from "@/shared/infrastructure/cache/cache.port";
import type { SessionRevocationList } from "../../application/ports/session-revocation.port";

/** Beyond the token lifetime: covers the verifier's clock tolerance and skew between instances. */
const MARGIN_SECONDS = 60;

/** How long a revocation must be remembered: after that every token of the session has expired anyway. */
export function revocationTtlMs(accessTokenTtlSeconds: number): number {
  return (accessTokenTtlSeconds + MARGIN_SECONDS) * 1000;
}

/**
 * Revoked session ids in the cache port. With Redis every instance sees a revocation on its next
 * request; the in-process store only serves a single instance. One cache read per request, no
 * database read. A cache outage rejects (fail closed: 503, never "not revoked").
 */
export class CacheSessionRevocationList implements SessionRevocationList {
  private readonly ttlMs: number;

  constructor(
    private readonly cache: Cache,
    accessTokenTtlSeconds: number,
  ) {
    this.ttlMs = revocationTtlMs(accessTokenTtlSeconds);
  }

  async revoke(sessionIds: readonly Uuid[]): Promise<void> {
    await Promise.all(sessionIds.map((id) => this.cache.set(key(id), "1", this.ttlMs)));
  }

  async isRevoked(sessionId: Uuid): Promise<boolean> {
    return (await this.cache.get(key(sessionId))) !== null;
  }

  async revokeMembership(organizationId: Uuid, userId: Uuid, atMs: number): Promise<void> {
    await this.cache.set(membershipKey(organizationId, userId), String(atMs), this.ttlMs);
  }

  async isMembershipRevoked(organizationId: Uuid, userId: Uuid, issuedAtMs: number): Promise<boolean> {
    const value = await this.cache.get(membershipKey(organizationId, userId));
    return value !== null && issuedAtMs <= Number(value);
  }
}

const key = (sessionId: string) => `auth:revoked-session:${sessionId}`;
const membershipKey = (organizationId: string, userId: string) => `auth:revoked-membership:${organizationId}:${userId}`;
