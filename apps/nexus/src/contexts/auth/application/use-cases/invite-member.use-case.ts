import { err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Email } from "../../domain/email.value-object";
import type { OneTimeToken } from "../../domain/one-time-token.entity";
import { Role } from "../../domain/role.value-object";
import { ensureCanAddMember, ensureCanGrant } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import {
  type AlreadyMember,
  alreadyMember,
  type Forbidden,
  type InvitationQuotaExceeded,
  type NotFound,
  notFound,
  type ValidationFailed,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { issueOneTimeToken } from "../issue-one-time-token";
import { lockManagement } from "../organization-access";
import { parseFields } from "../validation";

export interface InviteMemberInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly email: string;
  readonly role: string;
}

/** The same for every address, registered or not: nothing tells whether it has an account. */
export interface InviteMemberOutput {
  readonly status: "invited";
  readonly email: string;
  readonly role: Role;
  readonly expiresAt: Timestamp;
}

export type InviteMemberError = ValidationFailed | NotFound | Forbidden | AlreadyMember | InvitationQuotaExceeded;

type Deps = Pick<
  AuthDeps,
  | "users"
  | "organizations"
  | "memberships"
  | "oneTimeTokens"
  | "invitations"
  | "unitOfWork"
  | "audit"
  | "mailer"
  | "clock"
  | "secureTokens"
  | "settings"
>;

const DAY_MS = 24 * 3600 * 1000;

/**
 * `POST /organizations/{id}/members` (owners and admins; only an owner grants owner): ALWAYS an
 * invitation, mailed, valid 7 days — nobody joins without accepting, and the answer is the same
 * whether or not the address has an account. One pending invitation per (organization, email): a
 * second invite REPLACES it (the old link stops working, the new role and a fresh week apply) and
 * counts against the quotas like any invite. Daily quotas per organization and per inviter.
 */
export class InviteMemberUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: InviteMemberInput): Promise<Result<InviteMemberOutput, InviteMemberError>> {
    const fields = parseFields({ email: Email.parse(input.email), role: Role.parse(input.role) });
    if (!fields.ok) return fields;
    const { email, role } = fields.value;
    const now = this.deps.clock.now();
    const { rawToken, token } = issueOneTimeToken(this.deps.secureTokens, {
      purpose: "invitation",
      userId: null,
      email,
      invitation: { organizationId: input.organizationId, role, invitedBy: input.actor.userId },
      now,
    });

    const saved = await this.deps.unitOfWork.transaction(async (): Promise<Result<void, InviteMemberError>> => {
      // Caller under lock first (as every member-management use case), then the organization's row:
      // invitations of one organization are serialised (quota, one pending per email).
      const locked = await lockManagement(this.deps.memberships, input.organizationId, input.actor.userId);
      if (!locked.ok) return locked;
      const allowed = ensureCanAddMember(locked.value.caller.role, role);
      if (!allowed.ok) return allowed;
      const organization = await this.deps.organizations.lockById(input.organizationId);
      if (!organization) return err(notFound("organization"));
      await this.deps.invitations.lockInviter(input.actor.userId); // the inviter's quota spans organizations
      const quota = await this.checkQuota(input.organizationId, input.actor.userId, now);
      if (!quota.ok) return quota;

      const replaced = await this.deps.invitations.findPending(organization.id, email);
      if (replaced?.invitation) {
        const mayReplace = ensureCanGrant(locked.value.caller.role, replaced.invitation.role);
        if (!mayReplace.ok) return mayReplace;
      }
      // Members are no secret to the people who manage them (GET …/members lists them).
      const user = await this.deps.users.findByEmail(email);
      if (user && (await this.deps.memberships.find(organization.id, user.id))) return err(alreadyMember());

      if (replaced) await this.spend(replaced, now);
      await this.deps.oneTimeTokens.save(token);
      await this.deps.audit.record({
        action: "auth.member.invited",
        outcome: "success",
        organizationId: organization.id,
        actorId: input.actor.userId,
        resourceType: "invitation",
        resourceId: token.id,
        metadata: { email, role, replaced: replaced?.id ?? null },
      });
      const inviter = await this.deps.users.findById(input.actor.userId);
      // Queued (sealed) in the outbox in this unit of work: mailed if and only if the invitation is
      // stored, delivered and retried by the relay.
      await this.deps.mailer.sendInvitation({
        to: email,
        organizationName: organization.name,
        inviterName: inviter?.name ?? "A colleague",
        role,
        token: rawToken,
      });
      return ok(undefined);
    });
    if (!saved.ok) return saved;
    return ok({ status: "invited", email, role, expiresAt: token.expiresAt });
  }

  private async checkQuota(
    organizationId: Uuid,
    inviterId: Uuid,
    now: Timestamp,
  ): Promise<Result<void, InvitationQuotaExceeded>> {
    const since = now.plusMillis(-DAY_MS);
    const { perOrganization, perInviter } = this.deps.settings.invitationQuota;
    if ((await this.deps.invitations.countSince({ organizationId }, since)) >= perOrganization) {
      return err({
        code: "invitation-quota-exceeded",
        quota: "organization",
        message: `this organization sent ${perOrganization} invitations in the last 24 hours, the most allowed`,
      });
    }
    if ((await this.deps.invitations.countSince({ invitedBy: inviterId }, since)) >= perInviter) {
      return err({
        code: "invitation-quota-exceeded",
        quota: "inviter",
        message: `you sent ${perInviter} invitations in the last 24 hours, the most allowed`,
      });
    }
    return ok(undefined);
  }

  private async spend(invitation: OneTimeToken, now: Timestamp): Promise<void> {
    invitation.spend(now);
    await this.deps.oneTimeTokens.save(invitation);
  }
}
