import { map, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import { type SessionView, toSessionView } from "../auth.dto";
import type { InvalidCursor } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import type { Page, PageRequest } from "../ports/page";

export interface ListSessionsInput {
  readonly actor: AuthenticatedActor;
  readonly page: PageRequest;
}

type Deps = Pick<AuthDeps, "sessions" | "clock">;

/** `GET /auth/sessions`: the caller's active sessions, most recently used first, a page at a time. */
export class ListSessionsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ListSessionsInput): Promise<Result<Page<SessionView>, InvalidCursor>> {
    const page = await this.deps.sessions.pageActiveByUser(input.actor.userId, this.deps.clock.now(), input.page);
    return map(page, ({ items, nextCursor }) => ({
      items: items.map((s) => toSessionView(s, input.actor.sessionId)),
      nextCursor,
    }));
  }
}
