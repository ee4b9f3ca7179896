import { ok, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import type { AuthDeps } from "../auth-deps";

export interface LogoutInput {
  readonly actor: AuthenticatedActor;
}

type Deps = Pick<AuthDeps, "sessions" | "unitOfWork" | "audit" | "clock" | "revocations">;

/** `POST /auth/logout`: ends the caller's session. Idempotent. */
export class LogoutUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: LogoutInput): Promise<Result<void, never>> {
    const { actor } = input;
    const now = this.deps.clock.now();
    await this.deps.unitOfWork.transaction(async () => {
      const session = await this.deps.sessions.findById(actor.sessionId);
      if (!session || session.userId !== actor.userId || session.isRevoked) return;
      session.revoke(now, "logout");
      await this.deps.sessions.save(session);
      await this.deps.revocations.revokeSessions([session.id]);
      await this.deps.audit.record({
        action: "auth.logout",
        outcome: "success",
        organizationId: session.organizationId,
        actorId: actor.userId,
        resourceType: "session",
        resourceId: session.id,
        metadata: { scope: "current" },
      });
    });
    return ok(undefined);
  }
}
