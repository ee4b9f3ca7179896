import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { INVALID_TOKEN, type InvalidToken, type TokenExpired, type WeakPassword } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { applyNewPassword } from "../new-password";
import { acceptablePassword } from "../password-policy";
import { auditTokenFailure } from "../token-failure-audit";

export interface ResetPasswordInput {
  readonly token: string;
  readonly newPassword: string;
}

export type ResetPasswordError = InvalidToken | TokenExpired | WeakPassword;

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
  | "secureTokens"
  | "revocations"
  | "loginThrottle"
>;

/**
 * `POST /auth/password/reset`: single-use 15-minute token; a new password (`applyNewPassword`: ALL
 * sessions end, every other reset link is spent). The mailed link proves the address, so an
 * unverified email becomes verified, and a lockout is lifted.
 */
export class ResetPasswordUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ResetPasswordInput): Promise<Result<void, ResetPasswordError>> {
    const tokenHash = this.deps.secureTokens.hash(input.token);
    // Check the token before paying for a hash: garbage tokens stay cheap.
    const found = await this.deps.oneTimeTokens.findByHash(tokenHash);
    const usable = found ? found.check("password-reset", this.deps.clock.now()) : err(INVALID_TOKEN);
    if (!usable.ok) return this.failed(usable.error);
    const holder = found?.userId ? await this.deps.users.findById(found.userId) : null;
    const password = acceptablePassword(this.deps, input.newPassword, holder ? [holder.email, holder.name] : []);
    if (!password.ok) return err(password.error);
    const passwordHash = await this.deps.passwordHasher.hash(password.value.plain);

    const now = this.deps.clock.now();
    const result = await this.deps.unitOfWork.transaction(
      async (): Promise<Result<{ ids: Uuid[]; email: string }, InvalidToken | TokenExpired>> => {
        const token = await this.deps.oneTimeTokens.findByHash(tokenHash);
        if (!token) return err(INVALID_TOKEN);
        const consumed = token.consume("password-reset", now);
        if (!consumed.ok) return consumed;
        const user = token.userId ? await this.deps.users.findById(token.userId) : null;
        if (!user) return err(INVALID_TOKEN);

        await this.deps.oneTimeTokens.save(token); // spent first, so only the OTHER links count below
        const { endedSessionIds, resetLinksSpent } = await applyNewPassword(this.deps, user, {
          passwordHash,
          reason: "password-reset",
          now,
        });
        await this.deps.audit.record({
          action: "auth.password.reset",
          outcome: "success",
          organizationId: null,
          actorId: user.id,
          resourceType: "user",
          resourceId: user.id,
          metadata: { sessionsEnded: endedSessionIds.length, resetLinksSpent },
        });
        return ok({ ids: endedSessionIds, email: user.email });
      },
    );
    if (!result.ok) return this.failed(result.error);
    await this.deps.loginThrottle.reset(result.value.email);
    return ok(undefined);
  }

  private async failed<E extends InvalidToken | TokenExpired>(error: E): Promise<Result<never, E>> {
    await auditTokenFailure(this.deps.audit, "auth.password.reset", error);
    return err(error);
  }
}
