import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "../../domain/role.value-object";
import type { Session } from "../../domain/session.entity";
import type { AuthenticatedActor } from "../actor";
import type { TokenPair } from "../auth.dto";
import { type NotFound, notFound, SESSION_ENDED, type SessionEnded } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { issueTokenPair } from "../token-pair";

export interface SwitchOrganizationInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
}

export interface SwitchOrganizationOutput extends TokenPair {
  readonly organizationId: Uuid;
  readonly role: Role;
}

/** `not-found`: not a member (another tenant's organization looks absent); `session-ended`: the session has ended. */
export type SwitchOrganizationError = NotFound | SessionEnded;

type Deps = Pick<
  AuthDeps,
  "sessions" | "memberships" | "unitOfWork" | "audit" | "clock" | "accessTokens" | "secureTokens" | "settings"
>;

/**
 * `POST /auth/switch-organization`. Decision: the SAME session moves to the new organization and
 * its refresh token is rotated (the client must keep the new one: the old one now counts as
 * already rotated). One device keeps one entry in the session list.
 */
export class SwitchOrganizationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: SwitchOrganizationInput): Promise<Result<SwitchOrganizationOutput, SwitchOrganizationError>> {
    const { actor, organizationId } = input;
    const refreshToken = this.deps.secureTokens.generate();
    const now = this.deps.clock.now();
    const result = await this.deps.unitOfWork.transaction(
      async (): Promise<Result<{ session: Session; role: Role }, SwitchOrganizationError>> => {
        // Locked: a removal or downgrade racing this switch then ends the moved session too.
        const membership = await this.deps.memberships.findShared(organizationId, actor.userId);
        if (!membership) return err(notFound("organization"));
        const session = await this.deps.sessions.findById(actor.sessionId);
        if (!session || session.userId !== actor.userId || !session.isActive(now)) return err(SESSION_ENDED);

        const from = session.organizationId;
        session.switchOrganization(
          organizationId,
          this.deps.secureTokens.hash(refreshToken),
          now,
          this.deps.settings.refreshTokenTtlSeconds,
        );
        await this.deps.sessions.save(session);
        await this.deps.audit.record({
          action: "auth.organization.switched",
          outcome: "success",
          organizationId,
          actorId: actor.userId,
          resourceType: "session",
          resourceId: session.id,
          metadata: { from },
        });
        return ok({ session, role: membership.role });
      },
    );
    if (!result.ok) return result;
    const { session, role } = result.value;
    const pair = await issueTokenPair(this.deps.accessTokens, session, refreshToken, role);
    return ok({ ...pair, organizationId, role });
  }
}
