import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthenticatedActor } from "../actor";
import { type Forbidden, type LastOwner, type NotFound, notFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { endSessionsInOrganization, lockManagement } from "../organization-access";

export interface RemoveMemberInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly userId: Uuid;
}

export type RemoveMemberError = NotFound | Forbidden | LastOwner;

type Deps = Pick<
  AuthDeps,
  "memberships" | "sessions" | "invitations" | "unitOfWork" | "audit" | "clock" | "revocations"
>;

/**
 * `DELETE /organizations/{id}/members/{userId}`. Any member may remove themselves (leave); removing
 * others follows the role rules; the last owner can do neither. The removed member's sessions in
 * this organization end at once.
 */
export class RemoveMemberUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: RemoveMemberInput): Promise<Result<void, RemoveMemberError>> {
    const { actor, organizationId, userId } = input;
    const now = this.deps.clock.now();
    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<void, RemoveMemberError>> => {
      // Caller and target read under lock: a concurrent demotion of the caller is seen.
      const locked = await lockManagement(this.deps.memberships, organizationId, actor.userId, userId);
      if (!locked.ok) return locked;
      const { caller, target } = locked.value;
      if (!target) return err(notFound("member"));
      const ownerCount = target.isOwner ? await this.deps.memberships.countOwners(organizationId) : 0;
      const removable = target.checkRemoval(caller, ownerCount);
      if (!removable.ok) return removable;

      await this.deps.memberships.delete(organizationId, userId);
      await this.deps.revocations.membershipChanged(organizationId, userId, null);
      const ended = await endSessionsInOrganization(this.deps, userId, organizationId, now);
      // Their pending invitations leave with them: nobody joins on the word of a former member.
      const invitationsSpent = await this.deps.invitations.spendByInviter(organizationId, userId, now);
      await this.deps.audit.record({
        action: "auth.member.removed",
        outcome: "success",
        organizationId,
        actorId: actor.userId,
        resourceType: "user",
        resourceId: userId,
        metadata: {
          role: target.role,
          self: userId === actor.userId,
          sessionsEnded: ended.length,
          invitationsSpent: invitationsSpent.length,
        },
      });
      return ok(undefined);
    });
    return result;
  }
}
