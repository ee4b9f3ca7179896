import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthenticatedActor } from "../actor";
import { INVALID_CREDENTIALS, type InvalidCredentials, type WeakPassword } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { applyNewPassword } from "../new-password";
import { acceptablePassword } from "../password-policy";
import { lockUnchangedCredentials } from "../verified-credentials";

export interface ChangePasswordInput {
  readonly actor: AuthenticatedActor;
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** `invalid-credentials` = the current password is wrong (or the account is locked). */
export type ChangePasswordError = InvalidCredentials | WeakPassword;

type Deps = Pick<
  AuthDeps,
  | "users"
  | "sessions"
  | "oneTimeTokens"
  | "unitOfWork"
  | "audit"
  | "clock"
  | "commonPasswords"
  | "passwordStrength"
  | "passwordHasher"
  | "revocations"
  | "loginThrottle"
>;

/**
 * `POST /auth/password/change`: verifies the current password (counted by the login throttle, so a
 * stolen access token cannot brute-force it), ends every OTHER session and spends every outstanding
 * password-reset token.
 */
export class ChangePasswordUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ChangePasswordInput): Promise<Result<void, ChangePasswordError>> {
    const { actor } = input;
    const user = await this.deps.users.findById(actor.userId);
    if (!user) return err(INVALID_CREDENTIALS);
    const password = acceptablePassword(this.deps, input.newPassword, [user.email, user.name]);
    if (!password.ok) return err(password.error);

    const lockedUntil = await this.deps.loginThrottle.lockedUntil(user.email);
    const locked = lockedUntil !== null && lockedUntil > this.deps.clock.now().epochMs;
    if (locked || !(await this.deps.passwordHasher.verify(user.passwordHash, input.currentPassword))) {
      if (!locked) await this.deps.loginThrottle.recordFailure(user.email);
      return this.failed(actor, user.id, locked ? "locked" : "wrong-password");
    }
    await this.deps.loginThrottle.reset(user.email);

    const passwordHash = await this.deps.passwordHasher.hash(password.value.plain);
    const now = this.deps.clock.now();
    const verifiedHash = user.passwordHash;
    const ended = await this.deps.unitOfWork.transaction(async () => {
      // A reset committed since the verify: "current" is no longer current, and must not win.
      const current = await lockUnchangedCredentials(this.deps.users, user.id, verifiedHash);
      if (!current) return null;
      const { endedSessionIds, resetLinksSpent } = await applyNewPassword(this.deps, current, {
        passwordHash,
        reason: "password-changed",
        keepSessionId: actor.sessionId,
        now,
      });
      await this.deps.audit.record({
        action: "auth.password.changed",
        outcome: "success",
        organizationId: null,
        actorId: actor.userId,
        resourceType: "user",
        resourceId: user.id,
        metadata: { otherSessionsEnded: endedSessionIds.length, resetLinksSpent },
      });
      return endedSessionIds;
    });
    if (!ended) return this.failed(actor, user.id, "password-changed-meanwhile");
    return ok(undefined);
  }

  private async failed(
    actor: AuthenticatedActor,
    userId: Uuid,
    reason: "locked" | "wrong-password" | "password-changed-meanwhile",
  ): Promise<Result<never, InvalidCredentials>> {
    await this.deps.audit.recordIndependently({
      action: "auth.password.changed",
      outcome: "failure",
      organizationId: null,
      actorId: actor.userId,
      resourceType: "user",
      resourceId: userId,
      metadata: { reason },
    });
    return err(INVALID_CREDENTIALS);
  }
}
