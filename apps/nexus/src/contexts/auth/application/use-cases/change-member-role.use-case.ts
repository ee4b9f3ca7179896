import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Role } from "../../domain/role.value-object";
import { ensureCanManageMembers } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import { type Forbidden, type LastOwner, type NotFound, notFound, type ValidationFailed } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { endSessionsInOrganization, lockManagement } from "../organization-access";
import { parseFields } from "../validation";

export interface ChangeMemberRoleInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly userId: Uuid;
  readonly role: string;
}

export interface ChangeMemberRoleOutput {
  readonly userId: Uuid;
  readonly role: Role;
}

export type ChangeMemberRoleError = ValidationFailed | NotFound | Forbidden | LastOwner;

type Deps = Pick<
  AuthDeps,
  "memberships" | "sessions" | "invitations" | "unitOfWork" | "audit" | "clock" | "revocations"
>;

/**
 * `PATCH /organizations/{id}/members/{userId}`. The membership applies the role rules and the
 * last-owner rule (`Membership.changeRole`) on an owner count read under lock; the caller's own
 * membership is read under lock too (a just-demoted owner acts as what it is now). Access tokens carrying a role stronger than the new one stop working at once, the
 * caller's own after a self-demotion included; a member downgraded by someone else also has their
 * sessions in this organization ended.
 */
export class ChangeMemberRoleUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ChangeMemberRoleInput): Promise<Result<ChangeMemberRoleOutput, ChangeMemberRoleError>> {
    const fields = parseFields({ role: Role.parse(input.role) });
    if (!fields.ok) return fields;
    const { role } = fields.value;
    const { actor, organizationId, userId } = input;
    const now = this.deps.clock.now();

    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<void, ChangeMemberRoleError>> => {
      const locked = await lockManagement(this.deps.memberships, organizationId, actor.userId, userId);
      if (!locked.ok) return locked;
      const { caller, target } = locked.value;
      const manage = ensureCanManageMembers(caller.role);
      if (!manage.ok) return manage;
      if (!target) return err(notFound("member"));
      const ownerCount = target.isOwner ? await this.deps.memberships.countOwners(organizationId) : 0;
      const changed = target.changeRole({ by: caller, role, ownerCount, now });
      if (!changed.ok) return changed;
      const { from } = changed.value;
      if (!changed.value.changed) return ok(undefined);

      await this.deps.memberships.save(target);
      await this.deps.revocations.membershipChanged(organizationId, userId, role);
      const downgraded = !Role.atLeast(role, from);
      const downgradedByOther = downgraded && userId !== actor.userId;
      const ended = downgradedByOther ? await endSessionsInOrganization(this.deps, userId, organizationId, now) : [];
      // A demoted member's pending invitations go with the role that granted them.
      const invitationsSpent = downgraded
        ? await this.deps.invitations.spendByInviter(organizationId, userId, now)
        : [];
      await this.deps.audit.record({
        action: "auth.member.role_changed",
        outcome: "success",
        organizationId,
        actorId: actor.userId,
        resourceType: "user",
        resourceId: userId,
        metadata: { from, to: role, sessionsEnded: ended.length, invitationsSpent: invitationsSpent.length },
      });
      return ok(undefined);
    });
    if (!result.ok) return result;
    return ok({ userId, role });
  }
}
