import type { Context, MiddlewareHandler } from "hono";
import type { Container } from "@/shared/infrastructure/container/container";
import type { Controller } from "@/shared/infrastructure/http/controller";
import type { PeriodicTask } from "@/shared/infrastructure/maintenance/periodic-tasks";
import { PlatformTokens as P } from "@/shared/infrastructure/platform.tokens";
import type { AuthDeps } from "../application/auth-deps";
import type { AccessRevocations } from "../application/ports/access-revocations.port";
import { AcceptInvitationUseCase } from "../application/use-cases/accept-invitation.use-case";
import { AddMemberUseCase } from "../application/use-cases/add-member.use-case";
import { ChangeMemberRoleUseCase } from "../application/use-cases/change-member-role.use-case";
import { ChangePasswordUseCase } from "../application/use-cases/change-password.use-case";
import { CreateOrganizationUseCase } from "../application/use-cases/create-organization.use-case";
import { ForgotPasswordUseCase } from "../application/use-cases/forgot-password.use-case";
import { GetMeUseCase } from "../application/use-cases/get-me.use-case";
import { ListMembersUseCase } from "../application/use-cases/list-members.use-case";
import { ListMyOrganizationsUseCase } from "../application/use-cases/list-my-organizations.use-case";
import { ListSessionsUseCase } from "../application/use-cases/list-sessions.use-case";
import { LoginUseCase } from "../application/use-cases/login.use-case";
import { LogoutUseCase } from "../application/use-cases/logout.use-case";
import { LogoutAllUseCase } from "../application/use-cases/logout-all.use-case";
import { PurgeExpiredAuthDataUseCase } from "../application/use-cases/purge-expired-auth-data.use-case";
import { RefreshTokensUseCase } from "../application/use-cases/refresh-tokens.use-case";
import { RegisterUserUseCase } from "../application/use-cases/register-user.use-case";
import { RemoveMemberUseCase } from "../application/use-cases/remove-member.use-case";
import { ResendVerificationUseCase } from "../application/use-cases/resend-verification.use-case";
import { ResetPasswordUseCase } from "../application/use-cases/reset-password.use-case";
import { RevokeSessionUseCase } from "../application/use-cases/revoke-session.use-case";
import { SwitchOrganizationUseCase } from "../application/use-cases/switch-organization.use-case";
import { VerifyEmailUseCase } from "../application/use-cases/verify-email.use-case";
import type { AuthGuard } from "../contracts/auth-guard";
import { DrizzleAuthUnitOfWork } from "./adapters/drizzle.auth-unit-of-work";
import { MailerAuthMailer } from "./adapters/mailer.auth-mailer";
import { PlatformAuthAuditLog } from "./adapters/platform.auth-audit-log";
import { SystemClock } from "./adapters/system.clock";
import { AuthTokens } from "./auth.tokens";
import { AuditController } from "./http/audit.controller";
import { AuthController } from "./http/auth.controller";
import { AuthRateLimits } from "./http/auth-rate-limits";
import { EmailVerificationController } from "./http/email-verification.controller";
import { InvitationsController } from "./http/invitations.controller";
import { MembersController } from "./http/members.controller";
import { OrganizationsController } from "./http/organizations.controller";
import { PasswordController } from "./http/password.controller";
import { SessionsController } from "./http/sessions.controller";
import { DrizzleMembershipRepository } from "./persistence/drizzle-membership.repository";
import { DrizzleOneTimeTokenRepository } from "./persistence/drizzle-one-time-token.repository";
import { DrizzleOrganizationRepository } from "./persistence/drizzle-organization.repository";
import { DrizzleSessionRepository } from "./persistence/drizzle-session.repository";
import { DrizzleUserRepository } from "./persistence/drizzle-user.repository";
import { startAccessRevocations } from "./security/access-revocations.module";
import type { Argon2Params } from "./security/argon2.password-hasher";
import { type AuthSecurity, createAuthSecurity } from "./security/create-auth-security";

export interface AuthModule {
  /** Rate limits first: they must be registered before the routes they guard. */
  readonly controllers: readonly Controller[];
  /** The guard other contexts protect their routes with; the composition root hands it over. */
  readonly guard: AuthGuard<MiddlewareHandler, Context>;
  /** Housekeeping the composition root adds to the platform's PeriodicTasks. */
  readonly periodicTasks: readonly PeriodicTask[];
}

/**
 * Registers the auth context after the platform: security adapters (keys, hasher, tokens, guard),
 * repositories and adapters in one AuthDeps, and the HTTP controllers over the use cases.
 */
export async function registerAuth(
  container: Container,
  options: { readonly argon2?: Argon2Params } = {},
): Promise<AuthModule> {
  const config = container.resolve(P.Config);
  const revocations = await startAccessRevocations(container);
  const security = await createAuthSecurity(config, container.resolve(P.Cache), revocations.feed, options);
  container.value(AuthTokens.Security, security).value(AuthTokens.Guard, security.guard);
  container.singleton(AuthTokens.Deps, (r) => buildAuthDeps(r, security, revocations.port));

  const deps = container.resolve(AuthTokens.Deps);
  const guard = security.guard;
  const controllers: Controller[] = [
    new AuthRateLimits(container.resolve(P.RateLimiter), container.resolve(P.Logger)),
    security.jwksController,
    new AuthController({
      guard,
      registerUser: new RegisterUserUseCase(deps),
      login: new LoginUseCase(deps),
      refreshTokens: new RefreshTokensUseCase(deps),
      getMe: new GetMeUseCase(deps),
      switchOrganization: new SwitchOrganizationUseCase(deps),
    }),
    new EmailVerificationController({
      verifyEmail: new VerifyEmailUseCase(deps),
      resendVerification: new ResendVerificationUseCase(deps),
    }),
    new SessionsController({
      guard,
      logout: new LogoutUseCase(deps),
      logoutAll: new LogoutAllUseCase(deps),
      listSessions: new ListSessionsUseCase(deps),
      revokeSession: new RevokeSessionUseCase(deps),
    }),
    new PasswordController({
      guard,
      changePassword: new ChangePasswordUseCase(deps),
      forgotPassword: new ForgotPasswordUseCase(deps),
      resetPassword: new ResetPasswordUseCase(deps),
    }),
    new OrganizationsController({
      guard,
      createOrganization: new CreateOrganizationUseCase(deps),
      listMyOrganizations: new ListMyOrganizationsUseCase(deps),
    }),
    new MembersController({
      guard,
      listMembers: new ListMembersUseCase(deps),
      addMember: new AddMemberUseCase(deps),
      changeMemberRole: new ChangeMemberRoleUseCase(deps),
      removeMember: new RemoveMemberUseCase(deps),
    }),
    new InvitationsController({ guard, acceptInvitation: new AcceptInvitationUseCase(deps) }),
    new AuditController(guard, container.resolve(P.Database)),
  ];
  const purge = new PurgeExpiredAuthDataUseCase(deps);
  const periodicTasks: PeriodicTask[] = [
    { name: "auth.purge-expired", everyMs: 60 * 60_000, run: () => purge.execute() },
    revocations.purgeTask,
  ];
  return { controllers, guard, periodicTasks };
}

function buildAuthDeps(
  r: Pick<Container, "resolve">,
  security: AuthSecurity,
  revocations: AccessRevocations,
): AuthDeps {
  const config = r.resolve(P.Config);
  const database = r.resolve(P.Database);
  return {
    users: new DrizzleUserRepository(database),
    organizations: new DrizzleOrganizationRepository(database),
    memberships: new DrizzleMembershipRepository(database),
    sessions: new DrizzleSessionRepository(database),
    oneTimeTokens: new DrizzleOneTimeTokenRepository(database),
    unitOfWork: new DrizzleAuthUnitOfWork(r.resolve(P.UnitOfWork)),
    audit: new PlatformAuthAuditLog(r.resolve(P.AuditTrail), database),
    mailer: new MailerAuthMailer(r.resolve(P.Mailer), config),
    clock: new SystemClock(),
    commonPasswords: security.commonPasswords,
    passwordHasher: security.passwordHasher,
    accessTokens: security.accessTokenIssuer,
    revocations,
    secureTokens: security.secureTokens,
    loginThrottle: security.loginThrottle,
    settings: {
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
    },
  };
}
