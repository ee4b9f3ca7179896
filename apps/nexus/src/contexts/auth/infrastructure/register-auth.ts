import type { Context, MiddlewareHandler } from "hono";
import type { Container, Resolver } from "@/shared/infrastructure/container/container";
import { type ContextModule, inScope } from "@/shared/infrastructure/module/context-module";
import { PlatformTokens as P } from "@/shared/infrastructure/platform.tokens";
import type { AuthDeps } from "../application/auth-deps";
import type { AccessRevocations } from "../application/ports/access-revocations.port";
import { PurgeExpiredAuthDataUseCase } from "../application/use-cases/purge-expired-auth-data.use-case";
import type { AuthGuard } from "../contracts/auth-guard";
import type { OrganizationDirectory } from "../contracts/organization-directory";
import { DrizzleAuthUnitOfWork } from "./adapters/drizzle.auth-unit-of-work";
import { MailerAuthMailer } from "./adapters/mailer.auth-mailer";
import { OutboxAuthEventPublisher } from "./adapters/outbox.auth-event-publisher";
import { PlatformAuthAuditLog } from "./adapters/platform.auth-audit-log";
import { RepositoryOrganizationDirectory } from "./adapters/repository.organization-directory";
import { AuthTokens as T } from "./auth.tokens";
import { AuditController } from "./http/audit.controller";
import { AuthController } from "./http/auth.controller";
import { authErrors } from "./http/auth.problems";
import { AuthRateLimits } from "./http/auth-rate-limits";
import { EmailVerificationController } from "./http/email-verification.controller";
import { InvitationsController } from "./http/invitations.controller";
import { MembersController } from "./http/members.controller";
import { OrganizationInvitationsController } from "./http/organization-invitations.controller";
import { OrganizationsController } from "./http/organizations.controller";
import { PasswordController } from "./http/password.controller";
import { SessionsController } from "./http/sessions.controller";
import { DrizzleInvitationRepository } from "./persistence/drizzle-invitation.repository";
import { DrizzleMembershipRepository } from "./persistence/drizzle-membership.repository";
import { DrizzleOneTimeTokenRepository } from "./persistence/drizzle-one-time-token.repository";
import { DrizzleOrganizationRepository } from "./persistence/drizzle-organization.repository";
import { DrizzleSessionRepository } from "./persistence/drizzle-session.repository";
import { DrizzleUserRepository } from "./persistence/drizzle-user.repository";
import { startAccessRevocations } from "./security/access-revocations.module";
import type { Argon2Params } from "./security/argon2.password-hasher";
import { type AuthSecurity, createAuthSecurity } from "./security/create-auth-security";

/** What auth offers other contexts (interfaces from auth/contracts); the composition root hands them over. */
export interface AuthServices {
  /** Protects other contexts' routes. */
  readonly guard: AuthGuard<MiddlewareHandler, Context>;
  /** Currency and timezone by organization id (production, tax). */
  readonly organizationDirectory: OrganizationDirectory;
}

export type AuthModule = ContextModule<AuthServices>;

/**
 * Registers the auth context after the platform. Lifetimes: adapters and repositories singleton (in
 * `AuthTokens.Deps`); use cases scoped to the request: a controller asks the request scope for one with
 * `c.var.scope.useCase(LoginUseCase, AuthTokens.Deps)` (built once per request, nothing to register).
 */
export async function registerAuth(
  container: Container,
  options: { readonly argon2?: Argon2Params } = {},
): Promise<AuthModule> {
  const revocations = await startAccessRevocations(container);
  const config = container.resolve(P.Config);
  const security = await createAuthSecurity(config, container.resolve(P.Cache), revocations.feed, options);
  container.value(T.Security, security).value(T.Guard, security.guard);
  container.singleton(T.Deps, (r) => buildAuthDeps(r, security, revocations.port));

  const { guard } = security;
  return {
    name: "auth",
    controllers: [
      new AuthRateLimits(container.resolve(P.RateLimiter), container.resolve(P.Logger)), // before the routes
      security.jwksController,
      new AuthController(guard),
      new EmailVerificationController(),
      new SessionsController(guard),
      new PasswordController(guard),
      new OrganizationsController(guard),
      new MembersController(guard),
      new InvitationsController(guard),
      new OrganizationInvitationsController(guard),
      new AuditController(guard, container.resolve(P.Database), container.resolve(P.AuditTrail)),
    ],
    subscriptions: [],
    services: {
      guard,
      organizationDirectory: new RepositoryOrganizationDirectory(container.resolve(T.Deps).organizations),
    },
    periodicTasks: [
      {
        name: "auth.purge-expired",
        everyMs: 60 * 60_000,
        run: () => inScope(container, (scope) => scope.useCase(PurgeExpiredAuthDataUseCase, T.Deps).execute()),
      },
      revocations.purgeTask,
    ],
    problems: authErrors.table,
  };
}

function buildAuthDeps(r: Resolver, security: AuthSecurity, revocations: AccessRevocations): AuthDeps {
  const config = r.resolve(P.Config);
  const database = r.resolve(P.Database);
  return {
    users: new DrizzleUserRepository(database),
    organizations: new DrizzleOrganizationRepository(database),
    memberships: new DrizzleMembershipRepository(database),
    sessions: new DrizzleSessionRepository(database),
    oneTimeTokens: new DrizzleOneTimeTokenRepository(database),
    invitations: new DrizzleInvitationRepository(database),
    unitOfWork: new DrizzleAuthUnitOfWork(r.resolve(P.UnitOfWork)),
    audit: new PlatformAuthAuditLog(r.resolve(P.AuditTrail), database),
    events: new OutboxAuthEventPublisher(r.resolve(P.Outbox)),
    mailer: new MailerAuthMailer(r.resolve(P.QueuedMailer), config),
    clock: r.resolve(P.Clock),
    commonPasswords: security.commonPasswords,
    passwordStrength: security.passwordStrength,
    passwordHasher: security.passwordHasher,
    accessTokens: security.accessTokenIssuer,
    revocations,
    secureTokens: security.secureTokens,
    loginThrottle: security.loginThrottle,
    settings: {
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
      invitationQuota: {
        perOrganization: config.INVITATIONS_PER_DAY_PER_ORGANIZATION,
        perInviter: config.INVITATIONS_PER_DAY_PER_INVITER,
      },
    },
  };
}
