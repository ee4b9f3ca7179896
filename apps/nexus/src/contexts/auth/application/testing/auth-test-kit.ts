import { type AuthDeps, type AuthSettings, DEFAULT_INVITATION_QUOTA } from "../auth-deps";
import { authFlows } from "./auth-flows";
import {
  FakeAccessTokenIssuer,
  FakeLoginThrottle,
  FakePasswordHasher,
  FakeSecureTokens,
  InMemoryAccessRevocations,
  InMemoryAuthAuditLog,
  InMemoryAuthEventPublisher,
  InMemoryUnitOfWork,
  ListPasswordStrength,
  ManualClock,
  RecordingAuthMailer,
  SetCommonPasswordList,
} from "./fake-auth.services";
import {
  InMemoryInvitationRepository,
  InMemoryMembershipRepository,
  InMemoryOneTimeTokenRepository,
  InMemoryOrganizationRepository,
  InMemorySessionRepository,
  InMemoryUserRepository,
} from "./in-memory-auth.repositories";
import { InMemoryAuthStore } from "./in-memory-auth.store";

export { TEST_META, TEST_PASSWORD } from "./auth-flows";

/**
 * Every auth port in memory, wired into one AuthDeps, plus the `authFlows` helpers. For rules that
 * depend on row locks use the database kit instead (test/auth/support/auth-database-kit.ts).
 */
export function createAuthTestKit(settings: Partial<AuthSettings> = {}) {
  const store = new InMemoryAuthStore();
  const clock = new ManualClock();
  const unitOfWork = new InMemoryUnitOfWork(store);
  const audit = new InMemoryAuthAuditLog(store, unitOfWork);
  const events = new InMemoryAuthEventPublisher(store, unitOfWork);
  const mailer = new RecordingAuthMailer();
  const passwordHasher = new FakePasswordHasher();
  const secureTokens = new FakeSecureTokens();
  const loginThrottle = new FakeLoginThrottle(clock);
  const revocations = new InMemoryAccessRevocations();
  const accessTokens = new FakeAccessTokenIssuer();
  const deps = {
    users: new InMemoryUserRepository(store),
    organizations: new InMemoryOrganizationRepository(store),
    memberships: new InMemoryMembershipRepository(store),
    sessions: new InMemorySessionRepository(store),
    oneTimeTokens: new InMemoryOneTimeTokenRepository(store),
    invitations: new InMemoryInvitationRepository(store),
    unitOfWork,
    audit,
    events,
    mailer,
    clock,
    commonPasswords: new SetCommonPasswordList(),
    passwordStrength: new ListPasswordStrength(),
    passwordHasher,
    accessTokens,
    revocations,
    secureTokens,
    loginThrottle,
    settings: {
      refreshTokenTtlSeconds: 30 * 24 * 3600,
      refreshReuseGraceSeconds: 0,
      invitationQuota: DEFAULT_INVITATION_QUOTA,
      ...settings,
    },
  } satisfies AuthDeps;

  return {
    deps,
    store,
    clock,
    unitOfWork,
    audit,
    events,
    mailer,
    passwordHasher,
    secureTokens,
    loginThrottle,
    revocations,
    accessTokens,

    ...authFlows(deps, mailer, accessTokens),
  };
}

export type AuthTestKit = ReturnType<typeof createAuthTestKit>;
