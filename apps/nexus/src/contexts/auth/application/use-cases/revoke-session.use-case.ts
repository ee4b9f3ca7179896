import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthenticatedActor } from "../actor";
import { type NotFound, notFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";

export interface RevokeSessionInput {
  readonly actor: AuthenticatedActor;
  readonly sessionId: Uuid;
}

export type RevokeSessionError = NotFound;

type Deps = Pick<AuthDeps, "sessions" | "unitOfWork" | "audit" | "clock" | "revocations">;

/**
 * `DELETE /auth/sessions/{id}`. Only the caller's own active sessions: anyone else's, an ended
 * one or an unknown id are all `not-found`, so session ids cannot be probed.
 */
export class RevokeSessionUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: RevokeSessionInput): Promise<Result<void, RevokeSessionError>> {
    const now = this.deps.clock.now();
    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<Uuid, NotFound>> => {
      const session = await this.deps.sessions.findById(input.sessionId);
      if (!session || session.userId !== input.actor.userId || !session.isActive(now)) return err(notFound("session"));
      session.revoke(now, "revoked-by-user");
      await this.deps.sessions.save(session);
      await this.deps.revocations.revokeSessions([session.id]);
      await this.deps.audit.record({
        action: "auth.session.revoked",
        outcome: "success",
        organizationId: session.organizationId,
        actorId: input.actor.userId,
        resourceType: "session",
        resourceId: session.id,
        metadata: { current: session.id === input.actor.sessionId },
      });
      return ok(session.id);
    });
    if (!result.ok) return result;
    return ok(undefined);
  }
}
