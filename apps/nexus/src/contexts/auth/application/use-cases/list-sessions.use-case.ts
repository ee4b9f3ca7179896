import { ok, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import { type SessionView, toSessionView } from "../auth.dto";
import type { AuthDeps } from "../auth-deps";

export interface ListSessionsInput {
  readonly actor: AuthenticatedActor;
}

type Deps = Pick<AuthDeps, "sessions" | "clock">;

/** `GET /auth/sessions`: the caller's active sessions, most recently used first. */
export class ListSessionsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ListSessionsInput): Promise<Result<{ items: SessionView[] }, never>> {
    const sessions = await this.deps.sessions.listActiveByUser(input.actor.userId, this.deps.clock.now());
    return ok({ items: sessions.map((s) => toSessionView(s, input.actor.sessionId)) });
  }
}
