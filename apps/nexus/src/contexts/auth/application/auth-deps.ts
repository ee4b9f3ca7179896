import type { AccessRevocations } from "./ports/access-revocations.port";
import type { AccessTokenIssuer } from "./ports/access-token.port";
import type { AuthAuditLog } from "./ports/auth-audit-log.port";
import type { AuthEventPublisher } from "./ports/auth-events.port";
import type { AuthMailer } from "./ports/auth-mailer.port";
import type { AuthUnitOfWork } from "./ports/auth-unit-of-work.port";
import type { Clock } from "./ports/clock.port";
import type { CommonPasswordList } from "./ports/common-password-list.port";
import type { InvitationRepository } from "./ports/invitation.repository";
import type { LoginThrottle } from "./ports/login-throttle.port";
import type { MembershipRepository } from "./ports/membership.repository";
import type { OneTimeTokenRepository } from "./ports/one-time-token.repository";
import type { OrganizationRepository } from "./ports/organization.repository";
import type { PasswordHasher } from "./ports/password-hasher.port";
import type { PasswordStrengthEstimator } from "./ports/password-strength.port";
import type { SecureTokens } from "./ports/secure-tokens.port";
import type { SessionRepository } from "./ports/session.repository";
import type { UserRepository } from "./ports/user.repository";

/** From config: REFRESH_TOKEN_TTL_SECONDS, REFRESH_REUSE_GRACE_SECONDS, INVITATIONS_PER_DAY_*. */
export interface AuthSettings {
  readonly refreshTokenTtlSeconds: number;
  readonly refreshReuseGraceSeconds: number;
  /** Invitations created in the last 24 hours, at most: per organization, and per inviter (all organizations). */
  readonly invitationQuota: { readonly perOrganization: number; readonly perInviter: number };
}

/** The configuration's defaults (INVITATIONS_PER_DAY_PER_ORGANIZATION, INVITATIONS_PER_DAY_PER_INVITER). */
export const DEFAULT_INVITATION_QUOTA = { perOrganization: 50, perInviter: 20 } as const;

/**
 * Everything the auth use cases depend on. The composition root builds ONE such object and passes
 * it to every use case; each constructor declares (with Pick) the part it really uses.
 */
export interface AuthDeps {
  readonly users: UserRepository;
  readonly organizations: OrganizationRepository;
  readonly memberships: MembershipRepository;
  readonly sessions: SessionRepository;
  readonly oneTimeTokens: OneTimeTokenRepository;
  readonly invitations: InvitationRepository;
  readonly unitOfWork: AuthUnitOfWork;
  readonly audit: AuthAuditLog;
  readonly events: AuthEventPublisher;
  readonly mailer: AuthMailer;
  readonly clock: Clock;
  readonly commonPasswords: CommonPasswordList;
  readonly passwordStrength: PasswordStrengthEstimator;
  readonly passwordHasher: PasswordHasher;
  readonly accessTokens: AccessTokenIssuer;
  readonly revocations: AccessRevocations;
  readonly secureTokens: SecureTokens;
  readonly loginThrottle: LoginThrottle;
  readonly settings: AuthSettings;
}
