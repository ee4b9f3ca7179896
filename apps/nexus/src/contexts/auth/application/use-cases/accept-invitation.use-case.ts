import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Membership } from "../../domain/membership.entity";
import type { OneTimeToken } from "../../domain/one-time-token.entity";
import type { Role } from "../../domain/role.value-object";
import { ensureCanAddMember } from "../../domain/role-management.rules";
import type { AuthenticatedActor } from "../actor";
import {
  type AlreadyMember,
  alreadyMember,
  type Forbidden,
  INVALID_TOKEN,
  type InvalidToken,
  type NotFound,
  notFound,
  type TokenExpired,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { auditTokenFailure } from "../token-failure-audit";

/** The mailed token (`POST /invitations/accept`), or the id from `GET /invitations` (`POST /invitations/{id}/accept`). */
export type AcceptInvitationInput =
  | { readonly actor: AuthenticatedActor; readonly token: string }
  | { readonly actor: AuthenticatedActor; readonly invitationId: Uuid };

export interface AcceptInvitationOutput {
  readonly organizationId: Uuid;
  readonly role: Role;
}

export type AcceptInvitationError = InvalidToken | TokenExpired | Forbidden | AlreadyMember | NotFound;

type Deps = Pick<
  AuthDeps,
  | "users"
  | "organizations"
  | "memberships"
  | "oneTimeTokens"
  | "invitations"
  | "unitOfWork"
  | "audit"
  | "clock"
  | "secureTokens"
  | "revocations"
>;

/**
 * Accepting is the consent: the only way into an organization one did not create. Signed in, as the
 * account whose (verified) email the invitation was sent to — a forwarded token is `forbidden` and
 * stays unused; by id, someone else's invitation is `not-found`. The inviter must STILL be a member
 * who may grant the role (removing or demoting them spends their invitations; this re-check covers
 * anything else), else the invitation is `invalid-token`.
 */
export class AcceptInvitationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: AcceptInvitationInput): Promise<Result<AcceptInvitationOutput, AcceptInvitationError>> {
    const now = this.deps.clock.now();
    const userId = input.actor.userId;
    const result = await this.deps.unitOfWork.transaction(
      async (): Promise<Result<AcceptInvitationOutput, AcceptInvitationError>> => {
        const user = await this.deps.users.findById(userId);
        if (!user) return err(notFound("invitation"));
        let token: OneTimeToken | null;
        if ("token" in input) {
          token = await this.deps.oneTimeTokens.findByHash(this.deps.secureTokens.hash(input.token));
          if (!token?.invitation) return err(INVALID_TOKEN);
          if (token.email !== user.email) {
            return err({
              code: "forbidden",
              rule: "invitation-email-mismatch",
              message: "this invitation was sent to another email address",
            });
          }
        } else {
          token = await this.deps.invitations.findById(input.invitationId);
          // Someone else's invitation does not exist for this caller.
          if (!token?.invitation || token.email !== user.email) return err(notFound("invitation"));
        }
        const usable = token.check("invitation", now);
        if (!usable.ok) return usable;
        const grant = token.invitation;
        if (!grant) return err(INVALID_TOKEN);
        if (!(await this.deps.organizations.findById(grant.organizationId))) return err(INVALID_TOKEN);
        // The inviter's CURRENT role must still grant this one.
        const inviter = await this.deps.memberships.find(grant.organizationId, grant.invitedBy);
        if (!inviter || !ensureCanAddMember(inviter.role, grant.role).ok) return err(INVALID_TOKEN);
        if (await this.deps.memberships.find(grant.organizationId, user.id)) return err(alreadyMember());

        token.consume("invitation", now);
        await this.deps.oneTimeTokens.save(token);
        await this.deps.memberships.save(
          Membership.grant({ organizationId: grant.organizationId, userId: user.id, role: grant.role, now }),
        );
        await this.deps.revocations.membershipChanged(grant.organizationId, user.id, grant.role);
        await this.deps.audit.record({
          action: "auth.invitation.accepted",
          outcome: "success",
          organizationId: grant.organizationId,
          actorId: user.id,
          resourceType: "invitation",
          resourceId: token.id,
          metadata: { role: grant.role, invitedBy: grant.invitedBy },
        });
        return ok({ organizationId: grant.organizationId, role: grant.role });
      },
    );
    if (!result.ok) await auditTokenFailure(this.deps.audit, "auth.invitation.accepted", result.error, userId);
    return result;
  }
}
