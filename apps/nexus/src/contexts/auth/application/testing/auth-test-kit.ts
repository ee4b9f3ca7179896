import { unwrap } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthenticatedActor, RequestMeta } from "../actor";
import type { OrganizationView } from "../auth.dto";
import type { AuthDeps, AuthSettings } from "../auth-deps";
import { CreateOrganizationUseCase } from "../use-cases/create-organization.use-case";
import { type LoginOutput, LoginUseCase } from "../use-cases/login.use-case";
import { RegisterUserUseCase } from "../use-cases/register-user.use-case";
import { VerifyEmailUseCase } from "../use-cases/verify-email.use-case";
import {
  FakeAccessTokenIssuer,
  FakeLoginThrottle,
  FakePasswordHasher,
  FakeSecureTokens,
  InMemoryAccessRevocations,
  InMemoryAuthAuditLog,
  InMemoryUnitOfWork,
  ManualClock,
  RecordingAuthMailer,
  SetCommonPasswordList,
} from "./fake-auth.services";
import {
  InMemoryMembershipRepository,
  InMemoryOneTimeTokenRepository,
  InMemoryOrganizationRepository,
  InMemorySessionRepository,
  InMemoryUserRepository,
} from "./in-memory-auth.repositories";
import { InMemoryAuthStore } from "./in-memory-auth.store";

export const TEST_PASSWORD = "correct horse battery staple";
export const TEST_META: RequestMeta = { ip: "203.0.113.7", userAgent: "vitest" };

/**
 * Every auth port in memory, wired into one AuthDeps, plus short helpers that go through the real
 * use cases (register → verify → login) so tests start from states the application can reach.
 */
export function createAuthTestKit(settings: Partial<AuthSettings> = {}) {
  const store = new InMemoryAuthStore();
  const clock = new ManualClock();
  const unitOfWork = new InMemoryUnitOfWork(store);
  const audit = new InMemoryAuthAuditLog(store, unitOfWork);
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
    unitOfWork,
    audit,
    mailer,
    clock,
    commonPasswords: new SetCommonPasswordList(),
    passwordHasher,
    accessTokens,
    revocations,
    secureTokens,
    loginThrottle,
    settings: { refreshTokenTtlSeconds: 30 * 24 * 3600, refreshReuseGraceSeconds: 0, ...settings },
  } satisfies AuthDeps;

  const kit = {
    deps,
    store,
    clock,
    unitOfWork,
    audit,
    mailer,
    passwordHasher,
    secureTokens,
    loginThrottle,
    revocations,
    accessTokens,

    /** Registers (and by default verifies) an account; returns its id. */
    async registerUser(email: string, options: { verified?: boolean; name?: string } = {}): Promise<Uuid> {
      const name = options.name ?? email.split("@")[0] ?? "user";
      unwrap(await new RegisterUserUseCase(deps).execute({ email, password: TEST_PASSWORD, name, meta: TEST_META }));
      if (options.verified ?? true) {
        const token = mailer.lastToken("verification", email);
        unwrap(await new VerifyEmailUseCase(deps).execute({ token, meta: TEST_META }));
      }
      const user = [...store.tables.users.values()].find((u) => u.email === email);
      if (!user) throw new Error(`user ${email} was not registered`);
      return user.id;
    },

    async login(email: string, organizationId?: Uuid): Promise<LoginOutput> {
      return unwrap(
        await new LoginUseCase(deps).execute({ email, password: TEST_PASSWORD, organizationId, meta: TEST_META }),
      );
    },

    /** The actor the guard would build from this access token. */
    actorOf(tokens: { accessToken: string }): AuthenticatedActor {
      const claims = accessTokens.claimsOf(tokens.accessToken);
      return {
        userId: claims.userId,
        sessionId: claims.sessionId,
        organizationId: claims.organizationId,
        role: claims.role,
      };
    },

    async createOrganization(actor: AuthenticatedActor, name = "Bakery"): Promise<OrganizationView> {
      return unwrap(
        await new CreateOrganizationUseCase(deps).execute({
          actor,
          name,
          currency: "EUR",
          timezone: "Europe/Lisbon",
          meta: TEST_META,
        }),
      );
    },

    /** A verified user, signed in, owning a fresh organization, with the session acting in it. */
    async ownerWithOrganization(email = "owner@example.com") {
      await kit.registerUser(email);
      const first = await kit.login(email);
      const organization = await kit.createOrganization(kit.actorOf(first));
      const tokens = await kit.login(email, organization.id);
      return { tokens, actor: kit.actorOf(tokens), organization };
    },
  };
  return kit;
}

export type AuthTestKit = ReturnType<typeof createAuthTestKit>;
