import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { ensureCanGrant, ensureCanManageMembers } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import { type Forbidden, type NotFound, notFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { lockManagement } from "../organization-access";

export interface RevokeInvitationInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly invitationId: Uuid;
}

type Deps = Pick<AuthDeps, "memberships" | "oneTimeTokens" | "invitations" | "unitOfWork" | "audit" | "clock">;

/**
 * `DELETE /organizations/{id}/invitations/{invitationId}` (owners and admins; an invitation to
 * `owner` only by an owner): the invitation is spent, its link stops working. Unknown, already
 * used or revoked, or another organization's → `not-found`.
 */
export class RevokeInvitationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: RevokeInvitationInput): Promise<Result<void, NotFound | Forbidden>> {
    const now = this.deps.clock.now();
    return this.deps.unitOfWork.transaction(async (): Promise<Result<void, NotFound | Forbidden>> => {
      const locked = await lockManagement(this.deps.memberships, input.organizationId, input.actor.userId);
      if (!locked.ok) return locked;
      const manage = ensureCanManageMembers(locked.value.caller.role);
      if (!manage.ok) return manage;
      const invitation = await this.deps.invitations.findById(input.invitationId);
      const grant = invitation?.invitation;
      if (!invitation || !grant || grant.organizationId !== input.organizationId || invitation.usedAt !== null) {
        return err(notFound("invitation"));
      }
      const allowed = ensureCanGrant(locked.value.caller.role, grant.role);
      if (!allowed.ok) return allowed;
      invitation.spend(now);
      await this.deps.oneTimeTokens.save(invitation);
      await this.deps.audit.record({
        action: "auth.invitation.revoked",
        outcome: "success",
        organizationId: input.organizationId,
        actorId: input.actor.userId,
        resourceType: "invitation",
        resourceId: invitation.id,
        metadata: { email: invitation.email, role: grant.role, invitedBy: grant.invitedBy },
      });
      return ok(undefined);
    });
  }
}
