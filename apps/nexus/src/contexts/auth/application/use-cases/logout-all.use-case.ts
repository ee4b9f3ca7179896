import { ok, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import type { AuthDeps } from "../auth-deps";
import { revokeSessions } from "../revoke-sessions";

export interface LogoutAllInput {
  readonly actor: AuthenticatedActor;
}

type Deps = Pick<AuthDeps, "sessions" | "unitOfWork" | "audit" | "clock" | "revocations">;

/** `POST /auth/logout-all`: ends every session of the caller, this one included. */
export class LogoutAllUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: LogoutAllInput): Promise<Result<void, never>> {
    const { actor } = input;
    const now = this.deps.clock.now();
    await this.deps.unitOfWork.transaction(async () => {
      const active = await this.deps.sessions.listActiveByUser(actor.userId, now);
      const revoked = await revokeSessions(this.deps, active, "logout-all", now);
      await this.deps.audit.record({
        action: "auth.logout",
        outcome: "success",
        organizationId: actor.organizationId,
        actorId: actor.userId,
        resourceType: "user",
        resourceId: actor.userId,
        metadata: { scope: "all", sessions: revoked.length },
      });
    });
    return ok(undefined);
  }
}
