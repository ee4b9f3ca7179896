import { unwrap } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Email } from "../../domain/email.value-object";
import type { AuthenticatedActor, RequestMeta } from "../actor";
import type { OrganizationView } from "../auth.dto";
import type { AuthDeps } from "../auth-deps";
import { AcceptInvitationUseCase } from "../use-cases/accept-invitation.use-case";
import { CreateOrganizationUseCase } from "../use-cases/create-organization.use-case";
import { InviteMemberUseCase } from "../use-cases/invite-member.use-case";
import { type LoginOutput, LoginUseCase } from "../use-cases/login.use-case";
import { RegisterUserUseCase } from "../use-cases/register-user.use-case";
import { VerifyEmailUseCase } from "../use-cases/verify-email.use-case";
import type { FakeAccessTokenIssuer, RecordingAuthMailer } from "./fake-auth.services";

export const TEST_PASSWORD = "correct horse battery staple";
export const TEST_META: RequestMeta = { ip: "203.0.113.7", userAgent: "vitest" };

/**
 * Short helpers that go through the REAL use cases (register → verify → login → create organization),
 * so tests start from states the application can reach. Work over any AuthDeps (in memory or database).
 */
export function authFlows(deps: AuthDeps, mailer: RecordingAuthMailer, accessTokens: FakeAccessTokenIssuer) {
  const flows = {
    /** Registers (and by default verifies) an account; returns its id. */
    async registerUser(email: string, options: { verified?: boolean; name?: string } = {}): Promise<Uuid> {
      const name = options.name ?? email.split("@")[0] ?? "user";
      unwrap(await new RegisterUserUseCase(deps).execute({ email, password: TEST_PASSWORD, name }));
      if (options.verified ?? true) {
        const token = mailer.lastToken("verification", email);
        unwrap(await new VerifyEmailUseCase(deps).execute({ token }));
      }
      const user = await deps.users.findByEmail(unwrap(Email.parse(email)));
      if (!user) throw new Error(`user ${email} was not registered`);
      return user.id;
    },

    async login(email: string, organizationId?: Uuid): Promise<LoginOutput> {
      return unwrap(
        await new LoginUseCase(deps).execute({ email, password: TEST_PASSWORD, organizationId, origin: TEST_META }),
      );
    },

    /** The actor the guard would build from this access token. */
    actorOf(tokens: { accessToken: string }): AuthenticatedActor {
      const { userId, sessionId, organizationId, role } = accessTokens.claimsOf(tokens.accessToken);
      return { userId, sessionId, organizationId, role };
    },

    async createOrganization(actor: AuthenticatedActor, name = "Bakery"): Promise<OrganizationView> {
      return unwrap(
        await new CreateOrganizationUseCase(deps).execute({ actor, name, currency: "EUR", timezone: "Europe/Lisbon" }),
      );
    },

    /**
     * Makes `email` (registered and verified here if it is not yet) a member the only way there is: `by` invites, the
     * invitee signs in and accepts the mailed token. Returns the invitee's sign-in acting in it.
     */
    async join(by: AuthenticatedActor, organizationId: Uuid, email: string, role: string): Promise<LoginOutput> {
      if (!(await deps.users.findByEmail(unwrap(Email.parse(email))))) await flows.registerUser(email);
      unwrap(await new InviteMemberUseCase(deps).execute({ actor: by, organizationId, email, role }));
      const invitee = flows.actorOf(await flows.login(email));
      const token = mailer.lastToken("invitation", unwrap(Email.parse(email)));
      unwrap(await new AcceptInvitationUseCase(deps).execute({ actor: invitee, token }));
      return flows.login(email, organizationId);
    },

    /** A verified user, signed in, owning a fresh organization, with the session acting in it. */
    async ownerWithOrganization(email = "owner@example.com") {
      await flows.registerUser(email);
      const first = await flows.login(email);
      const organization = await flows.createOrganization(flows.actorOf(first));
      const tokens = await flows.login(email, organization.id);
      return { tokens, actor: flows.actorOf(tokens), organization };
    },
  };
  return flows;
}
