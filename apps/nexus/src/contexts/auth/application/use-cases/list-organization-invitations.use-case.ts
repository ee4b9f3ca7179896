import { ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { ensureCanManageMembers } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import type { Forbidden, NotFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { requireMembership } from "../organization-access";
import type { InvitationView } from "../ports/invitation.repository";

type Deps = Pick<AuthDeps, "memberships" | "invitations" | "clock">;

/**
 * `GET /organizations/{id}/invitations` (owners and admins): the pending, unexpired invitations,
 * oldest first. Not paginated: the daily quota × the 7-day lifetime bounds the list.
 */
export class ListOrganizationInvitationsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: {
    actor: AuthenticatedActor;
    organizationId: Uuid;
  }): Promise<Result<InvitationView[], NotFound | Forbidden>> {
    const caller = await requireMembership(this.deps.memberships, input.organizationId, input.actor.userId);
    if (!caller.ok) return caller;
    const allowed = ensureCanManageMembers(caller.value.role);
    if (!allowed.ok) return allowed;
    return ok(await this.deps.invitations.listPendingOfOrganization(input.organizationId, this.deps.clock.now()));
  }
}
