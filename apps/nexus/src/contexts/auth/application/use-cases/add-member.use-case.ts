import { err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Email } from "../../domain/email.value-object";
import { Membership } from "../../domain/membership.entity";
import { Role } from "../../domain/role.value-object";
import { ensureCanAddMember } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import {
  type AlreadyMember,
  alreadyMember,
  type Forbidden,
  type NotFound,
  notFound,
  type ValidationFailed,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { issueOneTimeToken } from "../issue-one-time-token";
import { lockManagement } from "../organization-access";
import { parseFields } from "../validation";

export interface AddMemberInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly email: string;
  readonly role: string;
}

export type AddMemberOutput =
  | { readonly status: "added"; readonly userId: Uuid; readonly email: string; readonly role: Role }
  | { readonly status: "invited"; readonly email: string; readonly role: Role; readonly expiresAt: Timestamp };

export type AddMemberError = ValidationFailed | NotFound | Forbidden | AlreadyMember;

type Deps = Pick<
  AuthDeps,
  | "users"
  | "organizations"
  | "memberships"
  | "oneTimeTokens"
  | "unitOfWork"
  | "audit"
  | "mailer"
  | "clock"
  | "secureTokens"
  | "revocations"
>;

/**
 * `POST /organizations/{id}/members`: a registered user becomes a member at once; any other address
 * gets a 7-day invitation by mail. Owners and admins only; only an owner can grant owner.
 */
export class AddMemberUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: AddMemberInput): Promise<Result<AddMemberOutput, AddMemberError>> {
    const fields = parseFields({ email: Email.parse(input.email), role: Role.parse(input.role) });
    if (!fields.ok) return fields;
    const { email, role } = fields.value;
    const allowed = await this.authorize(input, role);
    if (!allowed.ok) return allowed;
    const organization = await this.deps.organizations.findById(input.organizationId);
    if (!organization) return err(notFound("organization"));

    const now = this.deps.clock.now();
    const audit = { organizationId: organization.id, actorId: input.actor.userId };
    const user = await this.deps.users.findByEmail(email);
    if (user) {
      const membership = Membership.grant({ organizationId: organization.id, userId: user.id, role, now });
      const added = await this.deps.unitOfWork.transaction(async (): Promise<Result<void, AddMemberError>> => {
        const locked = await this.authorize(input, role);
        if (!locked.ok) return locked;
        if (await this.deps.memberships.find(organization.id, user.id)) return err(alreadyMember());
        await this.deps.memberships.save(membership);
        await this.deps.revocations.membershipChanged(organization.id, user.id, role);
        await this.deps.audit.record({
          ...audit,
          action: "auth.member.added",
          outcome: "success",
          resourceType: "user",
          resourceId: user.id,
          metadata: { role },
        });
        return ok(undefined);
      });
      return added.ok ? ok({ status: "added", userId: user.id, email, role }) : added;
    }

    const inviter = await this.deps.users.findById(input.actor.userId);
    const { rawToken, token: invitation } = issueOneTimeToken(this.deps.secureTokens, {
      purpose: "invitation",
      userId: null,
      email,
      invitation: { organizationId: organization.id, role, invitedBy: input.actor.userId },
      now,
    });
    const saved = await this.deps.unitOfWork.transaction(async (): Promise<Result<void, AddMemberError>> => {
      const locked = await this.authorize(input, role);
      if (!locked.ok) return locked;
      await this.deps.oneTimeTokens.save(invitation);
      await this.deps.audit.record({
        ...audit,
        action: "auth.member.invited",
        outcome: "success",
        resourceType: "invitation",
        resourceId: invitation.id,
        metadata: { email, role },
      });
      return ok(undefined);
    });
    if (!saved.ok) return saved;
    await this.deps.mailer.sendInvitation({
      to: email,
      organizationName: organization.name,
      inviterName: inviter?.name ?? "A colleague",
      role,
      token: rawToken,
    });
    return ok({ status: "invited", email, role, expiresAt: invitation.expiresAt });
  }

  /** The caller may add `role`; inside the unit of work its membership is read under lock. */
  private async authorize(input: AddMemberInput, role: Role): Promise<Result<void, NotFound | Forbidden>> {
    const locked = await lockManagement(this.deps.memberships, input.organizationId, input.actor.userId);
    if (!locked.ok) return locked;
    return ensureCanAddMember(locked.value.caller.role, role);
  }
}
