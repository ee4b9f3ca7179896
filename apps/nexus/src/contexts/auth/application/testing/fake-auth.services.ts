import { isRollbackResult } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "../../domain/role.value-object";
import type { AccessRevocations } from "../ports/access-revocations.port";
import type { AccessTokenClaims, AccessTokenIssuer, IssuedAccessToken } from "../ports/access-token.port";
import type { AuthAuditEntry, AuthAuditLog } from "../ports/auth-audit-log.port";
import type { AuthDomainEvent, AuthEventPublisher } from "../ports/auth-events.port";
import type { AuthMailer, StandInMail } from "../ports/auth-mailer.port";
import type { AuthUnitOfWork } from "../ports/auth-unit-of-work.port";
import type { Clock } from "../ports/clock.port";
import type { CommonPasswordList } from "../ports/common-password-list.port";
import type { LoginThrottle } from "../ports/login-throttle.port";
import type { PasswordHasher } from "../ports/password-hasher.port";
import type { PasswordStrengthEstimator } from "../ports/password-strength.port";
import type { SecureTokens } from "../ports/secure-tokens.port";
import type { InMemoryAuthStore } from "./in-memory-auth.store";

/** Test doubles of the auth ports that are not repositories. No I/O, deterministic where it matters. */

export class ManualClock implements Clock {
  private current: Timestamp;
  constructor(start = Timestamp.parse("2026-01-05T09:00:00Z")) {
    this.current = start.ok ? start.value : Timestamp.fromMillis(0);
  }
  now(): Timestamp {
    return this.current;
  }
  advanceSeconds(seconds: number): void {
    this.current = this.current.plusMillis(seconds * 1000);
  }
}

/** Rolls the store back when `work` throws or returns an error result (as the real one); knows whether a transaction is open. */
export class InMemoryUnitOfWork implements AuthUnitOfWork {
  depth = 0;
  commits = 0;
  constructor(private readonly store: InMemoryAuthStore) {}

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const before = this.store.snapshot();
    this.depth += 1;
    try {
      const result = await work();
      if (isRollbackResult(result)) this.store.restore(before);
      else if (this.depth === 1) this.commits += 1;
      return result;
    } catch (error) {
      this.store.restore(before);
      throw error;
    } finally {
      this.depth -= 1;
    }
  }
}

/** Mirrors the platform AuditTrail: `recordIndependently` inside a unit of work is a bug. */
export class InMemoryAuthAuditLog implements AuthAuditLog {
  constructor(
    private readonly store: InMemoryAuthStore,
    private readonly unitOfWork: InMemoryUnitOfWork,
  ) {}

  get entries(): AuthAuditEntry[] {
    return this.store.tables.audit.map((r) => r.entry);
  }

  independentEntries(): AuthAuditEntry[] {
    return this.store.tables.audit.filter((r) => r.independent).map((r) => r.entry);
  }

  actions(): string[] {
    return this.entries.map((e) => e.action);
  }

  async record(entry: AuthAuditEntry): Promise<void> {
    if (!this.unitOfWork.inTransaction) throw new Error(`audit.record(${entry.action}) outside a unit of work`);
    this.store.tables.audit.push({ entry, independent: false });
  }

  async recordIndependently(entry: AuthAuditEntry): Promise<void> {
    if (this.unitOfWork.inTransaction) throw new Error("recordIndependently called inside a unit of work");
    this.store.tables.audit.push({ entry, independent: true });
  }
}

/** Mirrors the outbox: publishing outside a unit of work is a bug; a rollback drops the events. */
export class InMemoryAuthEventPublisher implements AuthEventPublisher {
  constructor(
    private readonly store: InMemoryAuthStore,
    private readonly unitOfWork: InMemoryUnitOfWork,
  ) {}

  get published(): readonly AuthDomainEvent[] {
    return this.store.tables.events;
  }

  async publish(events: readonly AuthDomainEvent[]): Promise<void> {
    if (!this.unitOfWork.inTransaction) throw new Error("events published outside a unit of work");
    this.store.tables.events.push(...events);
  }
}

export type SentMail =
  | { kind: "verification"; to: string; name: string; token: string }
  | { kind: "account-exists"; to: string; name: string }
  | { kind: "password-reset"; to: string; name: string; token: string }
  | { kind: "invitation"; to: string; organizationName: string; inviterName: string; role: Role; token: string };

export class RecordingAuthMailer implements AuthMailer {
  readonly sent: SentMail[] = [];
  /** Calls of `sendNothing` (the same work as a mail, for an address with nobody to mail), by kind. */
  readonly nothingSent: StandInMail[] = [];

  async sendNothing(like: StandInMail): Promise<void> {
    this.nothingSent.push(like);
  }

  async sendVerification(mail: { to: string; name: string; token: string }): Promise<void> {
    this.sent.push({ kind: "verification", ...mail });
  }
  async sendAccountExistsNotice(mail: { to: string; name: string }): Promise<void> {
    this.sent.push({ kind: "account-exists", ...mail });
  }
  async sendPasswordReset(mail: { to: string; name: string; token: string }): Promise<void> {
    this.sent.push({ kind: "password-reset", ...mail });
  }
  async sendInvitation(mail: {
    to: string;
    organizationName: string;
    inviterName: string;
    role: Role;
    token: string;
  }): Promise<void> {
    this.sent.push({ kind: "invitation", ...mail });
  }

  /** The raw token of the last mail of `kind` to `to`; throws when there is none. */
  lastToken(kind: "verification" | "password-reset" | "invitation", to: string): string {
    const mail = this.sent.filter((m) => m.kind === kind && m.to === to).at(-1);
    if (!mail || !("token" in mail)) throw new Error(`no ${kind} mail to ${to}`);
    return mail.token;
  }
}

/** "Hashes" are readable, versioned strings; `version` rising makes old hashes need a rehash. */
export class FakePasswordHasher implements PasswordHasher {
  version = 2;
  verifications = 0;
  dummyVerifications = 0;
  hashes = 0;

  async hash(plain: string): Promise<string> {
    this.hashes += 1;
    return `fake-argon2:v${this.version}:${plain}`;
  }
  async verify(hash: string, plain: string): Promise<boolean> {
    this.verifications += 1;
    return hash.slice(hash.indexOf(":", "fake-argon2:".length) + 1) === plain;
  }
  needsRehash(hash: string): boolean {
    return !hash.startsWith(`fake-argon2:v${this.version}:`);
  }
  async verifyDummy(_plain: string): Promise<void> {
    this.dummyVerifications += 1;
  }
}

export class FakeSecureTokens implements SecureTokens {
  readonly generated: string[] = [];
  private counter = 0;

  generate(): string {
    this.counter += 1;
    const token = `tok${this.counter}-${crypto.randomUUID()}`;
    this.generated.push(token);
    return token;
  }
  hash(token: string): string {
    return `sha256(${token})`;
  }
}

/** Locks an account for 2^(n-5) seconds after n ≥ 5 consecutive failures, like the real one. */
export class FakeLoginThrottle implements LoginThrottle {
  readonly failures = new Map<string, { count: number; lockedUntil: number | null }>();
  constructor(private readonly clock: Clock) {}

  async lockedUntil(accountKey: string): Promise<number | null> {
    return this.failures.get(accountKey)?.lockedUntil ?? null;
  }
  async recordFailure(accountKey: string): Promise<void> {
    const count = (this.failures.get(accountKey)?.count ?? 0) + 1;
    const lockedUntil = count >= 5 ? this.clock.now().epochMs + 2 ** (count - 5) * 1000 : null;
    this.failures.set(accountKey, { count, lockedUntil });
  }
  async reset(accountKey: string): Promise<void> {
    this.failures.delete(accountKey);
  }
}

export class InMemoryAccessRevocations implements AccessRevocations {
  readonly revoked = new Set<Uuid>();
  /** `${organizationId}:${userId}` → the role they keep (null: removed). */
  readonly memberships = new Map<string, Role | null>();
  async revokeSessions(sessionIds: readonly Uuid[]): Promise<void> {
    for (const id of sessionIds) this.revoked.add(id);
  }
  async membershipChanged(organizationId: Uuid, userId: Uuid, role: Role | null): Promise<void> {
    this.memberships.set(`${organizationId}:${userId}`, role);
  }
}

/** Tokens are opaque handles to the claims they were issued with. */
export class FakeAccessTokenIssuer implements AccessTokenIssuer {
  readonly issued = new Map<string, AccessTokenClaims>();
  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const token = `access-${this.issued.size + 1}`;
    this.issued.set(token, claims);
    return { token, expiresIn: 900 };
  }
  claimsOf(token: string): AccessTokenClaims {
    const claims = this.issued.get(token);
    if (!claims) throw new Error(`unknown access token ${token}`);
    return claims;
  }
}

export class SetCommonPasswordList implements CommonPasswordList {
  private readonly list: Set<string>;
  constructor(passwords: readonly string[] = ["password1234", "123456789012", "qwertyuiopasdf"]) {
    this.list = new Set(passwords.map((p) => p.toLowerCase()));
  }
  contains(password: string): boolean {
    return this.list.has(password.toLowerCase());
  }
}

/** Scores 4 unless the password is one of `weak` (then 1): the real estimator is tested on its own. */
export class ListPasswordStrength implements PasswordStrengthEstimator {
  readonly weak: Set<string>;
  constructor(weak: readonly string[] = [" ".repeat(12), "aaaaaaaaaaaa"]) {
    this.weak = new Set(weak);
  }
  score(password: string, userInputs: readonly string[]): number {
    return this.weak.has(password) || userInputs.includes(password) ? 1 : 4;
  }
}
