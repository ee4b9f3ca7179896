import { err, ok, type Result } from "@/shared/domain/result";
import type { Role } from "../../domain/role.value-object";
import type { Session } from "../../domain/session.entity";
import { auditOrigin, type RequestMeta } from "../actor";
import type { TokenPair } from "../auth.dto";
import {
  INVALID_TOKEN,
  type InvalidToken,
  REUSE_DETECTED,
  type ReuseDetected,
  type TokenExpired,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { issueTokenPair } from "../token-pair";

export interface RefreshTokensInput {
  readonly refreshToken: string;
  readonly meta: RequestMeta;
}

export type RefreshTokensError = InvalidToken | TokenExpired | ReuseDetected;

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

type Step =
  | { kind: "rotated"; session: Session; role: Role | null }
  | { kind: "reuse-detected"; session: Session }
  | { kind: "failed"; error: InvalidToken | TokenExpired; reason: string; session?: Session };

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
    const step = await this.deps.unitOfWork.transaction(() =>
      this.rotate(presentedHash, this.deps.secureTokens.hash(refreshToken), input.meta),
    );
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
          ...auditOrigin(input.meta),
        });
        return err(step.error);
      case "reuse-detected":
        return err(REUSE_DETECTED);
      case "rotated":
        return ok(await issueTokenPair(this.deps.accessTokens, step.session, refreshToken, step.role));
    }
  }

  private async rotate(presentedHash: string, newHash: string, meta: RequestMeta): Promise<Step> {
    const match = await this.deps.sessions.findByRefreshTokenHash(presentedHash);
    if (!match) return { kind: "failed", error: INVALID_TOKEN, reason: "unknown-token" };
    const { session, generation } = match;
    const now = this.deps.clock.now();
    const outcome = session.refresh(generation, newHash, now, {
      ttlSeconds: this.deps.settings.refreshTokenTtlSeconds,
      reuseGraceSeconds: this.deps.settings.refreshReuseGraceSeconds,
    });

    if (outcome.kind === "revoked") return { kind: "failed", error: INVALID_TOKEN, reason: "session-revoked", session };
    if (outcome.kind === "expired") {
      const error = { code: "token-expired", message: "the session has expired; sign in again" } as const;
      return { kind: "failed", error, reason: "session-expired", session };
    }
    if (outcome.kind === "reuse-detected") {
      await this.deps.sessions.save(session);
      await this.deps.revocations.revokeSessions([session.id]);
      // Committed (the error is a value, not a throw), so the session stays revoked.
      await this.deps.audit.record({
        action: "auth.session.reuse_detected",
        outcome: "failure",
        organizationId: session.organizationId,
        actorId: null,
        resourceType: "session",
        resourceId: session.id,
        metadata: { userId: session.userId, presentedGeneration: generation, currentGeneration: session.generation },
        ...auditOrigin(meta),
      });
      return { kind: "reuse-detected", session };
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
      ...auditOrigin(meta),
    });
    return { kind: "rotated", session, role: membership?.role ?? null };
  }
}
