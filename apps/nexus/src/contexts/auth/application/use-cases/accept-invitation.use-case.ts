import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Membership } from "../../domain/membership.entity";
import type { Role } from "../../domain/role.value-object";
import type { AuthenticatedActor } from "../actor";
import {
  type AlreadyMember,
  alreadyMember,
  type Forbidden,
  INVALID_TOKEN,
  type InvalidToken,
  type TokenExpired,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { auditTokenFailure } from "../token-failure-audit";

export interface AcceptInvitationInput {
  readonly actor: AuthenticatedActor;
  readonly token: string;
}

export interface AcceptInvitationOutput {
  readonly organizationId: Uuid;
  readonly role: Role;
}

export type AcceptInvitationError = InvalidToken | TokenExpired | Forbidden | AlreadyMember;

type Deps = Pick<
  AuthDeps,
  | "users"
  | "organizations"
  | "memberships"
  | "oneTimeTokens"
  | "unitOfWork"
  | "audit"
  | "clock"
  | "secureTokens"
  | "revocations"
>;

/**
 * `POST /invitations/accept` (authenticated). The invitee registers and signs in first; the
 * invitation only works for the account whose (verified) email it was sent to — a forwarded link
 * is `forbidden` and stays unused.
 */
export class AcceptInvitationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: AcceptInvitationInput): Promise<Result<AcceptInvitationOutput, AcceptInvitationError>> {
    const tokenHash = this.deps.secureTokens.hash(input.token);
    const now = this.deps.clock.now();
    const result = await this.deps.unitOfWork.transaction(
      async (): Promise<Result<AcceptInvitationOutput, AcceptInvitationError>> => {
        const token = await this.deps.oneTimeTokens.findByHash(tokenHash);
        if (!token?.invitation) return err(INVALID_TOKEN);
        const usable = token.check("invitation", now);
        if (!usable.ok) return usable;
        const grant = token.invitation;
        const user = await this.deps.users.findById(input.actor.userId);
        if (!user || user.email !== token.email) {
          return err({
            code: "forbidden",
            rule: "invitation-email-mismatch",
            message: "this invitation was sent to another email address",
          });
        }
        if (!(await this.deps.organizations.findById(grant.organizationId))) return err(INVALID_TOKEN);
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
    if (!result.ok) {
      await auditTokenFailure(this.deps.audit, "auth.invitation.accepted", result.error, input.actor.userId);
    }
    return result;
  }
}
