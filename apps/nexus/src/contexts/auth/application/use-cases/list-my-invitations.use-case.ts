import { err, ok, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import { type NotFound, notFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import type { InvitationView } from "../ports/invitation.repository";

type Deps = Pick<AuthDeps, "users" | "invitations" | "clock">;

/** `GET /invitations`: the pending, unexpired invitations sent to the caller's (verified) email. */
export class ListMyInvitationsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: { actor: AuthenticatedActor }): Promise<Result<InvitationView[], NotFound>> {
    const user = await this.deps.users.findById(input.actor.userId);
    if (!user) return err(notFound("user"));
    // Signing in takes a verified email, so these are invitations to an address the caller controls.
    return ok(await this.deps.invitations.listPendingFor(user.email, this.deps.clock.now()));
  }
}
