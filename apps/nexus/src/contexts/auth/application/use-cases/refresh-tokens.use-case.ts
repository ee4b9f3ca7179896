import { commitFailure, err, ok, type Result } from "@/shared/domain/result";
import type { Role } from "../../domain/role.value-object";
import type { Session } from "../../domain/session.entity";
import type { TokenPair } from "../auth.dto";
import {
  REUSE_DETECTED,
  type ReuseDetected,
  SESSION_ENDED,
  SESSION_EXPIRED,
  type SessionEnded,
  type SessionExpired,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { issueTokenPair } from "../token-pair";

export interface RefreshTokensInput {
  readonly refreshToken: string;
}

export type RefreshTokensError = SessionEnded | SessionExpired | ReuseDetected;

type Deps = Pick<
  AuthDeps,
  | "sessions"
  | "memberships"
  | "unitOfWork"
  | "audit"
  | "clock"
  | "accessTokens"
  | "revocations"
  | "secureTokens"
  | "settings"
>;

type Rotated = { session: Session; role: Role | null };
type Refused =
  | { kind: "reuse-detected"; session: Session }
  | { kind: "failed"; error: SessionEnded | SessionExpired; reason: string; session?: Session };

/**
 * `POST /auth/refresh`: rotation with reuse detection (Session.refresh). The session row is locked
 * for the lookup (SessionRepository), so concurrent refreshes are serialised. The role is read
 * again from the membership, so a role change takes effect at the next refresh at the latest.
 */
export class RefreshTokensUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: RefreshTokensInput): Promise<Result<TokenPair, RefreshTokensError>> {
    const presentedHash = this.deps.secureTokens.hash(input.refreshToken);
    const refreshToken = this.deps.secureTokens.generate();
    const rotated = await this.deps.unitOfWork.transaction(() =>
      this.rotate(presentedHash, this.deps.secureTokens.hash(refreshToken)),
    );
    if (rotated.ok) {
      const { session, role } = rotated.value;
      return ok(await issueTokenPair(this.deps.accessTokens, session, refreshToken, role));
    }
    const step = rotated.error;
    switch (step.kind) {
      case "failed":
        // Audited with its own commit (nothing else was written): a spent, revoked or unknown
        // refresh token being tried is worth seeing.
        await this.deps.audit.recordIndependently({
          action: "auth.token.refreshed",
          outcome: "failure",
          organizationId: step.session?.organizationId ?? null,
          actorId: null,
          ...(step.session ? { resourceType: "session", resourceId: step.session.id } : {}),
          metadata: { reason: step.reason },
        });
        return err(step.error);
      case "reuse-detected":
        return err(REUSE_DETECTED);
    }
  }

  private async rotate(presentedHash: string, newHash: string): Promise<Result<Rotated, Refused>> {
    const match = await this.deps.sessions.findByRefreshTokenHash(presentedHash);
    if (!match) return err({ kind: "failed", error: SESSION_ENDED, reason: "unknown-token" });
    const { session, generation } = match;
    const now = this.deps.clock.now();
    const outcome = session.refresh(generation, newHash, now, {
      ttlSeconds: this.deps.settings.refreshTokenTtlSeconds,
      reuseGraceSeconds: this.deps.settings.refreshReuseGraceSeconds,
    });

    if (outcome.kind === "revoked")
      return err({ kind: "failed", error: SESSION_ENDED, reason: "session-revoked", session });
    if (outcome.kind === "expired") {
      return err({ kind: "failed", error: SESSION_EXPIRED, reason: "session-expired", session });
    }
    if (outcome.kind === "reuse-detected") {
      await this.deps.sessions.save(session);
      await this.deps.revocations.revokeSessions([session.id]);
      // Committed on purpose (commitFailure): the session stays revoked although the answer is an error.
      await this.deps.audit.record({
        action: "auth.session.reuse_detected",
        outcome: "failure",
        organizationId: session.organizationId,
        actorId: null,
        resourceType: "session",
        resourceId: session.id,
        metadata: { userId: session.userId, presentedGeneration: generation, currentGeneration: session.generation },
      });
      return commitFailure({ kind: "reuse-detected", session } as const);
    }

    const membership = session.organizationId
      ? await this.deps.memberships.find(session.organizationId, session.userId)
      : null;
    if (session.organizationId && !membership) session.leaveOrganization();
    await this.deps.sessions.save(session);
    await this.deps.audit.record({
      action: "auth.token.refreshed",
      outcome: "success",
      organizationId: session.organizationId,
      actorId: session.userId,
      resourceType: "session",
      resourceId: session.id,
      metadata: { generation: session.generation, withinGrace: outcome.withinGrace },
    });
    return ok({ session, role: membership?.role ?? null });
  }
}
