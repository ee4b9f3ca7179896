import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthDeps, DEFAULT_INVITATION_QUOTA } from "@/contexts/auth/application/auth-deps";
import {
  FakeAccessTokenIssuer,
  FakeLoginThrottle,
  FakePasswordHasher,
  InMemoryAccessRevocations,
  ListPasswordStrength,
  ManualClock,
  RecordingAuthMailer,
  SetCommonPasswordList,
} from "@/contexts/auth/application/testing/fake-auth.services";
import { CreateOrganizationUseCase } from "@/contexts/auth/application/use-cases/create-organization.use-case";
import { ListMembersUseCase } from "@/contexts/auth/application/use-cases/list-members.use-case";
import { LoginUseCase } from "@/contexts/auth/application/use-cases/login.use-case";
import { RefreshTokensUseCase } from "@/contexts/auth/application/use-cases/refresh-tokens.use-case";
import { RegisterUserUseCase } from "@/contexts/auth/application/use-cases/register-user.use-case";
import { VerifyEmailUseCase } from "@/contexts/auth/application/use-cases/verify-email.use-case";
import { OutboxAuthEventPublisher } from "@/contexts/auth/infrastructure/adapters/outbox.auth-event-publisher";
import { PlatformAuthAuditLog } from "@/contexts/auth/infrastructure/adapters/platform.auth-audit-log";
import { CryptoSecureTokens } from "@/contexts/auth/infrastructure/security/crypto.secure-tokens";
import { unwrap } from "@/shared/domain/result";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { testAuditKeys } from "../../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { drizzleAuthRepositories } from "./drizzle-auth-repositories";

const PASSWORD = "correct horse battery staple";

/** The real use cases over the Drizzle adapters (password hashing and signing faked for speed). */
describe("auth use cases over the Drizzle adapters", () => {
  let database: TestDatabase;
  let deps: AuthDeps;
  let mailer: RecordingAuthMailer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { client } = database;
    const clock = new ManualClock();
    mailer = new RecordingAuthMailer();
    deps = {
      ...drizzleAuthRepositories(database),
      audit: new PlatformAuthAuditLog(new AuditTrail(client, testAuditKeys), client),
      events: new OutboxAuthEventPublisher(new OutboxWriter(client)),
      mailer,
      clock,
      commonPasswords: new SetCommonPasswordList(),
      passwordStrength: new ListPasswordStrength(),
      passwordHasher: new FakePasswordHasher(),
      accessTokens: new FakeAccessTokenIssuer(),
      revocations: new InMemoryAccessRevocations(),
      secureTokens: new CryptoSecureTokens(),
      loginThrottle: new FakeLoginThrottle(clock),
      settings: {
        refreshTokenTtlSeconds: 3600,
        refreshReuseGraceSeconds: 0,
        invitationQuota: DEFAULT_INVITATION_QUOTA,
      },
    };
  });
  afterAll(() => database.dispose());

  it("register → verify → login → create organization → refresh → reuse detection", async () => {
    const email = "flow@example.com";
    unwrap(await new RegisterUserUseCase(deps).execute({ email, password: PASSWORD, name: "Flow" }));
    // The same email again answers the same, and mails a notice instead of creating a second account.
    unwrap(await new RegisterUserUseCase(deps).execute({ email, password: PASSWORD, name: "Flow" }));
    expect(mailer.sent.map((m) => m.kind)).toEqual(["verification", "account-exists"]);

    const verificationToken = mailer.lastToken("verification", email);
    unwrap(await new VerifyEmailUseCase(deps).execute({ token: verificationToken }));
    expect((await new VerifyEmailUseCase(deps).execute({ token: verificationToken })).ok).toBe(false);

    const first = unwrap(await new LoginUseCase(deps).execute({ email, password: PASSWORD }));
    const claims = (deps.accessTokens as FakeAccessTokenIssuer).claimsOf(first.accessToken);
    const actor = { userId: claims.userId, sessionId: claims.sessionId, organizationId: null, role: null };
    const organization = unwrap(
      await new CreateOrganizationUseCase(deps).execute({
        actor,
        name: "Flow Bakery",
        currency: "EUR",
        timezone: "Europe/Lisbon",
      }),
    );
    const members = unwrap(
      await new ListMembersUseCase(deps).execute({
        actor: { ...actor, organizationId: organization.id, role: "owner" },
        organizationId: organization.id,
        page: { limit: 50, cursor: null },
      }),
    );
    expect(members.items.map((m) => [m.email, m.role])).toEqual([[email, "owner"]]);

    const refresh = new RefreshTokensUseCase(deps);
    const rotated = unwrap(await refresh.execute({ refreshToken: first.refreshToken }));
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    const reused = await refresh.execute({ refreshToken: first.refreshToken });
    expect(reused.ok ? null : reused.error.code).toBe("reuse-detected");
    // The revocation committed although the use case answered with an error value.
    const afterReuse = await refresh.execute({ refreshToken: rotated.refreshToken });
    expect(afterReuse.ok).toBe(false);

    const actions = await queryRows<{ action: string; outcome: string }>(
      database.client.db,
      sql`select action, outcome from platform.audit_entries order by occurred_at, chain_seq`,
    );
    expect(actions.map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining([
        "auth.user.registered:success",
        "auth.user.registered:denied",
        "auth.email.verified:success",
        "auth.login.succeeded:success",
        "auth.organization.created:success",
        "auth.token.refreshed:success",
        "auth.session.reuse_detected:failure",
      ]),
    );
    const stored = await queryRows<{ n: number }>(
      database.client.db,
      sql`select count(*)::int as n from auth.refresh_tokens r join auth.sessions s on s.id = r.session_id
          where s.user_id = ${claims.userId}`,
    );
    expect(stored[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("a failed login is audited on its own commit", async () => {
    const result = await new LoginUseCase(deps).execute({ email: "nobody@example.com", password: PASSWORD });
    expect(result.ok).toBe(false);
    const [row] = await queryRows<{ n: number }>(
      database.client.db,
      sql`select count(*)::int as n from platform.audit_entries where action = 'auth.login.failed'`,
    );
    expect(row?.n).toBe(1);
  });
});
