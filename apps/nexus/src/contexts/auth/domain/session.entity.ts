import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";

export type SessionRevocationReason =
  | "logout"
  | "logout-all"
  | "revoked-by-user"
  | "password-changed"
  | "password-reset"
  | "reuse-detected"
  | "membership-changed";

export interface SessionProps {
  readonly id: Uuid;
  readonly userId: Uuid;
  /** The organization the session acts in; null while the user has none. */
  readonly organizationId: Uuid | null;
  /** SHA-256 of the CURRENT refresh token. Rotated ones stay in the repository's family. */
  readonly refreshTokenHash: string;
  /** 1 for the first refresh token, +1 per rotation. */
  readonly generation: number;
  /** When the current refresh token was issued: the grace window counts from here. */
  readonly rotatedAt: Timestamp;
  readonly createdAt: Timestamp;
  readonly lastUsedAt: Timestamp;
  /** Idle expiry: every rotation pushes it to now + refresh TTL. */
  readonly expiresAt: Timestamp;
  readonly revokedAt: Timestamp | null;
  readonly revokedReason: SessionRevocationReason | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface RefreshPolicy {
  readonly ttlSeconds: number;
  /** 0 disables it. Tolerates a concurrent double refresh of the immediately previous token. */
  readonly reuseGraceSeconds: number;
}

/** What presenting a refresh token of this session leads to. */
export type RefreshOutcome =
  | { readonly kind: "rotated"; readonly withinGrace: boolean }
  | { readonly kind: "reuse-detected" }
  | { readonly kind: "revoked" }
  | { readonly kind: "expired" };

export class Session {
  private constructor(private props: SessionProps) {}

  static start(input: {
    userId: Uuid;
    organizationId: Uuid | null;
    refreshTokenHash: string;
    now: Timestamp;
    ttlSeconds: number;
    ip: string | null;
    userAgent: string | null;
  }): Session {
    return new Session({
      id: Uuid.generate(input.now.epochMs),
      userId: input.userId,
      organizationId: input.organizationId,
      refreshTokenHash: input.refreshTokenHash,
      generation: 1,
      rotatedAt: input.now,
      createdAt: input.now,
      lastUsedAt: input.now,
      expiresAt: input.now.plusMillis(input.ttlSeconds * 1000),
      revokedAt: null,
      revokedReason: null,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    });
  }

  static restore(props: SessionProps): Session {
    return new Session(props);
  }

  get id(): Uuid {
    return this.props.id;
  }
  get userId(): Uuid {
    return this.props.userId;
  }
  get organizationId(): Uuid | null {
    return this.props.organizationId;
  }
  get refreshTokenHash(): string {
    return this.props.refreshTokenHash;
  }
  get generation(): number {
    return this.props.generation;
  }
  get rotatedAt(): Timestamp {
    return this.props.rotatedAt;
  }
  get createdAt(): Timestamp {
    return this.props.createdAt;
  }
  get lastUsedAt(): Timestamp {
    return this.props.lastUsedAt;
  }
  get expiresAt(): Timestamp {
    return this.props.expiresAt;
  }
  get revokedAt(): Timestamp | null {
    return this.props.revokedAt;
  }
  get revokedReason(): SessionRevocationReason | null {
    return this.props.revokedReason;
  }
  get ip(): string | null {
    return this.props.ip;
  }
  get userAgent(): string | null {
    return this.props.userAgent;
  }

  get isRevoked(): boolean {
    return this.props.revokedAt !== null;
  }

  isExpired(now: Timestamp): boolean {
    return !now.isBefore(this.props.expiresAt);
  }

  isActive(now: Timestamp): boolean {
    return !this.isRevoked && !this.isExpired(now);
  }

  /**
   * Refresh-token rotation with reuse detection (spec §4). `presentedGeneration` is the generation
   * the presented token was issued as (the repository's family knows it). The current token rotates;
   * the immediately previous one rotates too while the grace window is open (two tabs refreshing at
   * once); anything older — or the previous one after the window — is REUSE: a stolen token is in
   * play, so the whole session is revoked.
   */
  refresh(presentedGeneration: number, newTokenHash: string, now: Timestamp, policy: RefreshPolicy): RefreshOutcome {
    if (this.isRevoked) return { kind: "revoked" };
    if (this.isExpired(now)) return { kind: "expired" };
    if (presentedGeneration === this.props.generation) {
      this.rotate(newTokenHash, now, policy.ttlSeconds);
      return { kind: "rotated", withinGrace: false };
    }
    if (this.isWithinGrace(presentedGeneration, now, policy.reuseGraceSeconds)) {
      this.rotate(newTokenHash, now, policy.ttlSeconds);
      return { kind: "rotated", withinGrace: true };
    }
    this.revoke(now, "reuse-detected");
    return { kind: "reuse-detected" };
  }

  /** Moves the session to another organization; the caller issues a fresh pair for it. */
  switchOrganization(organizationId: Uuid | null, newTokenHash: string, now: Timestamp, ttlSeconds: number): void {
    this.props = { ...this.props, organizationId };
    this.rotate(newTokenHash, now, ttlSeconds);
  }

  /** The user is no longer a member of the session's organization: act in none from now on. */
  leaveOrganization(): void {
    this.props = { ...this.props, organizationId: null };
  }

  /** Idempotent: the first revocation (time and reason) is kept. */
  revoke(now: Timestamp, reason: SessionRevocationReason): void {
    if (this.isRevoked) return;
    this.props = { ...this.props, revokedAt: now, revokedReason: reason };
  }

  toProps(): SessionProps {
    return this.props;
  }

  private isWithinGrace(presentedGeneration: number, now: Timestamp, graceSeconds: number): boolean {
    return (
      graceSeconds > 0 &&
      presentedGeneration === this.props.generation - 1 &&
      now.epochMs - this.props.rotatedAt.epochMs <= graceSeconds * 1000
    );
  }

  private rotate(newTokenHash: string, now: Timestamp, ttlSeconds: number): void {
    this.props = {
      ...this.props,
      refreshTokenHash: newTokenHash,
      generation: this.props.generation + 1,
      rotatedAt: now,
      lastUsedAt: now,
      expiresAt: now.plusMillis(ttlSeconds * 1000),
    };
  }
}
