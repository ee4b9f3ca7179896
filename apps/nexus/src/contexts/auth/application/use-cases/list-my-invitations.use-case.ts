import { err, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import { type InvalidCursor, type NotFound, notFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import type { InvitationView } from "../ports/invitation.repository";
import type { Page, PageRequest } from "../ports/page";

type Deps = Pick<AuthDeps, "users" | "invitations" | "clock">;

/** `GET /invitations`: a page of the pending, unexpired invitations sent to the caller's (verified) email. */
export class ListMyInvitationsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: {
    actor: AuthenticatedActor;
    page: PageRequest;
  }): Promise<Result<Page<InvitationView>, NotFound | InvalidCursor>> {
    const user = await this.deps.users.findById(input.actor.userId);
    if (!user) return err(notFound("user"));
    // Signing in takes a verified email, so these are invitations to an address the caller controls.
    return this.deps.invitations.listPendingFor(user.email, this.deps.clock.now(), input.page);
  }
}
