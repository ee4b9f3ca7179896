import { type AuthDeps, type AuthSettings, DEFAULT_INVITATION_QUOTA } from "@/contexts/auth/application/auth-deps";
import { authFlows } from "@/contexts/auth/application/testing/auth-flows";
import {
  FakeAccessTokenIssuer,
  FakeLoginThrottle,
  FakePasswordHasher,
  FakeSecureTokens,
  InMemoryAccessRevocations,
  ListPasswordStrength,
  ManualClock,
  RecordingAuthMailer,
  SetCommonPasswordList,
} from "@/contexts/auth/application/testing/fake-auth.services";
import { OutboxAuthEventPublisher } from "@/contexts/auth/infrastructure/adapters/outbox.auth-event-publisher";
import { PlatformAuthAuditLog } from "@/contexts/auth/infrastructure/adapters/platform.auth-audit-log";
import { createUseCaseDatabase } from "../../support/use-case-database";
import { drizzleAuthRepositories } from "../persistence/drizzle-auth-repositories";

/**
 * The auth use cases over a cloned database through the real repositories, audit trail and outbox
 * (row locks, rollbacks and events are real); clock, mailer, hasher, token signing and the cache-backed
 * services are fakes. `dispose()` in afterEach/afterAll.
 */
export async function createAuthDatabaseKit(settings: Partial<AuthSettings> = {}) {
  const database = await createUseCaseDatabase();
  const clock = new ManualClock();
  const mailer = new RecordingAuthMailer();
  const accessTokens = new FakeAccessTokenIssuer();
  const deps: AuthDeps = {
    ...drizzleAuthRepositories(database),
    audit: new PlatformAuthAuditLog(database.audit, database.client),
    events: new OutboxAuthEventPublisher(database.outbox),
    mailer,
    clock,
    commonPasswords: new SetCommonPasswordList(),
    passwordStrength: new ListPasswordStrength(),
    passwordHasher: new FakePasswordHasher(),
    accessTokens,
    revocations: new InMemoryAccessRevocations(),
    secureTokens: new FakeSecureTokens(),
    loginThrottle: new FakeLoginThrottle(clock),
    settings: {
      refreshTokenTtlSeconds: 30 * 24 * 3600,
      refreshReuseGraceSeconds: 0,
      invitationQuota: DEFAULT_INVITATION_QUOTA,
      ...settings,
    },
  };
  return {
    deps,
    database,
    clock,
    mailer,
    accessTokens,
    ...authFlows(deps, mailer, accessTokens),
    dispose: database.dispose,
  };
}

export type AuthDatabaseKit = Awaited<ReturnType<typeof createAuthDatabaseKit>>;
