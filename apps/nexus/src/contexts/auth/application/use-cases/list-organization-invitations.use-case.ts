import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { ensureCanManageMembers } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import type { Forbidden, InvalidCursor, NotFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { requireMembership } from "../organization-access";
import type { InvitationView } from "../ports/invitation.repository";
import type { Page, PageRequest } from "../ports/page";

type Deps = Pick<AuthDeps, "memberships" | "invitations" | "clock">;

/** `GET /organizations/{id}/invitations` (owners and admins): a page of the pending, unexpired invitations, oldest first. */
export class ListOrganizationInvitationsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: {
    actor: AuthenticatedActor;
    organizationId: Uuid;
    page: PageRequest;
  }): Promise<Result<Page<InvitationView>, NotFound | Forbidden | InvalidCursor>> {
    const caller = await requireMembership(this.deps.memberships, input.organizationId, input.actor.userId);
    if (!caller.ok) return caller;
    const allowed = ensureCanManageMembers(caller.value.role);
    if (!allowed.ok) return allowed;
    return this.deps.invitations.listPendingOfOrganization(input.organizationId, this.deps.clock.now(), input.page);
  }
}
