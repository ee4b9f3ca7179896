import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Email } from "../../domain/email.value-object";
import type { Membership } from "../../domain/membership.entity";
import { Session } from "../../domain/session.entity";
import type { User } from "../../domain/user.entity";
import type { RequestMeta } from "../actor";
import { type OrganizationView, type TokenPair, toUserView, type UserView } from "../auth.dto";
import {
  EMAIL_NOT_VERIFIED,
  type EmailNotVerified,
  INVALID_CREDENTIALS,
  type InvalidCredentials,
  type NotFound,
  notFound,
} from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { loadMyOrganizations } from "../my-organizations";
import { issueTokenPair } from "../token-pair";
import { lockUnchangedCredentials } from "../verified-credentials";

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** Act in this organization; must be one of the user's. Default: the oldest accepted membership, else none. */
  readonly organizationId?: Uuid | null;
  /** Where the session is opened from (stored on it, shown in the session list). */
  readonly origin?: RequestMeta;
}

export interface LoginOutput extends TokenPair {
  readonly user: UserView;
  readonly organizations: readonly OrganizationView[];
  /** The organization the new session acts in (the token's `org`), null when the user has none. */
  readonly organizationId: Uuid | null;
}

export type LoginError = InvalidCredentials | EmailNotVerified | NotFound;

type FailureReason =
  | "unknown-email"
  | "wrong-password"
  | "locked"
  | "email-not-verified"
  | "not-a-member"
  | "password-changed-meanwhile";

type Deps = Pick<
  AuthDeps,
  | "users"
  | "organizations"
  | "memberships"
  | "sessions"
  | "unitOfWork"
  | "audit"
  | "clock"
  | "passwordHasher"
  | "accessTokens"
  | "secureTokens"
  | "loginThrottle"
  | "settings"
>;

/**
 * `POST /auth/login`. An unknown email, a wrong password and a locked account all answer the same
 * INVALID_CREDENTIALS object after one password verification (a dummy one when there is no hash to
 * check), so neither the answer nor its timing tells them apart. Only a correct password reveals
 * that the email is unverified. Every failure is audited with its own commit.
 */
export class LoginUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: LoginInput): Promise<Result<LoginOutput, LoginError>> {
    const email = Email.parse(input.email);
    if (!email.ok) {
      await this.deps.passwordHasher.verifyDummy(input.password);
      return this.fail(INVALID_CREDENTIALS, null, "unknown-email");
    }
    const accountKey = email.value;
    const user = await this.deps.users.findByEmail(email.value);

    const lockedUntil = await this.deps.loginThrottle.lockedUntil(accountKey);
    if (lockedUntil !== null && lockedUntil > this.deps.clock.now().epochMs) {
      await this.deps.passwordHasher.verifyDummy(input.password);
      return this.fail(INVALID_CREDENTIALS, user, "locked");
    }
    if (!user) {
      await this.deps.passwordHasher.verifyDummy(input.password);
      await this.deps.loginThrottle.recordFailure(accountKey);
      return this.fail(INVALID_CREDENTIALS, null, "unknown-email");
    }
    if (!(await this.deps.passwordHasher.verify(user.passwordHash, input.password))) {
      await this.deps.loginThrottle.recordFailure(accountKey);
      return this.fail(INVALID_CREDENTIALS, user, "wrong-password");
    }
    await this.deps.loginThrottle.reset(accountKey);
    if (!user.isEmailVerified) return this.fail(EMAIL_NOT_VERIFIED, user, "email-not-verified");

    const signedIn = await this.signIn(user, input);
    if (signedIn === "not-a-member") return this.fail(notFound("organization"), user, "not-a-member");
    // A reset or change committed while the password was being verified: the old one is spent.
    if (signedIn === "password-changed") {
      return this.fail(INVALID_CREDENTIALS, user, "password-changed-meanwhile");
    }
    return ok(signedIn);
  }

  /** Writes nothing unless it returns the output. */
  private async signIn(user: User, input: LoginInput): Promise<LoginOutput | "password-changed" | "not-a-member"> {
    const now = this.deps.clock.now();
    const verifiedHash = user.passwordHash;
    const rehash = this.deps.passwordHasher.needsRehash(user.passwordHash);
    if (rehash) user.replacePasswordHash(await this.deps.passwordHasher.hash(input.password), now);

    const refreshToken = this.deps.secureTokens.generate();
    const started = await this.deps.unitOfWork.transaction(async () => {
      if (!(await lockUnchangedCredentials(this.deps.users, user.id, verifiedHash))) return "password-changed" as const;
      // Read locked, in the transaction: a removal racing this login waits, then ends the new session too.
      const membership = await this.membershipFor(user.id, input.organizationId ?? null);
      if (membership === "not-a-member") return membership;
      if (rehash) await this.deps.users.save(user);
      const session = Session.start({
        userId: user.id,
        organizationId: membership?.organizationId ?? null,
        refreshTokenHash: this.deps.secureTokens.hash(refreshToken),
        now,
        ttlSeconds: this.deps.settings.refreshTokenTtlSeconds,
        ip: input.origin?.ip ?? null,
        userAgent: input.origin?.userAgent ?? null,
      });
      await this.deps.sessions.save(session);
      await this.deps.audit.record({
        action: "auth.login.succeeded",
        outcome: "success",
        organizationId: session.organizationId,
        actorId: user.id,
        resourceType: "session",
        resourceId: session.id,
        metadata: { passwordRehashed: rehash },
      });
      return { session, role: membership?.role ?? null };
    });
    if (typeof started === "string") return started;
    const { session, role } = started;
    const pair = await issueTokenPair(this.deps.accessTokens, session, refreshToken, role);
    const organizations = await loadMyOrganizations(this.deps, user.id);
    return { ...pair, user: toUserView(user), organizations, organizationId: session.organizationId };
  }

  /**
   * The requested organization's membership, else the oldest one the user ACCEPTED (created, or
   * joined by accepting an invitation) still there, else null; each locked for share (as
   * switch-organization does). A membership made without consent before invitations existed is
   * never the default: an organization somebody added you to does not get your next sign-in.
   * Call inside the unit of work.
   */
  private async membershipFor(userId: Uuid, organizationId: Uuid | null): Promise<Membership | null | "not-a-member"> {
    if (organizationId) return (await this.deps.memberships.findShared(organizationId, userId)) ?? "not-a-member";
    const accepted = (await this.deps.memberships.listByUser(userId)).filter((m) => m.acceptedAt !== null);
    for (const candidate of accepted) {
      const locked = await this.deps.memberships.findShared(candidate.organizationId, userId);
      if (locked) return locked;
    }
    return null;
  }

  private async fail<E extends LoginError>(
    error: E,
    user: User | null,
    reason: FailureReason,
  ): Promise<Result<never, E>> {
    // The attempt is anonymous: the targeted account, if any, is the resource, not the actor.
    await this.deps.audit.recordIndependently({
      action: "auth.login.failed",
      outcome: "failure",
      organizationId: null,
      actorId: null,
      ...(user ? { resourceType: "user", resourceId: user.id } : {}),
      metadata: { reason },
    });
    return err(error);
  }
}
