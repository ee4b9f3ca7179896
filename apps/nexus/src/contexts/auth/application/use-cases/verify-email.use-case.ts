import { err, ok, type Result } from "@/shared/domain/result";
import { INVALID_TOKEN, type InvalidToken, type TokenExpired } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { auditTokenFailure } from "../token-failure-audit";

export interface VerifyEmailInput {
  readonly token: string;
}

export type VerifyEmailError = InvalidToken | TokenExpired;

type Deps = Pick<AuthDeps, "users" | "oneTimeTokens" | "unitOfWork" | "audit" | "clock" | "secureTokens">;

/** `POST /auth/email/verify`: single use, 24 h. */
export class VerifyEmailUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: VerifyEmailInput): Promise<Result<void, VerifyEmailError>> {
    const tokenHash = this.deps.secureTokens.hash(input.token);
    const now = this.deps.clock.now();
    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<void, VerifyEmailError>> => {
      const token = await this.deps.oneTimeTokens.findByHash(tokenHash);
      if (!token) return err(INVALID_TOKEN);
      const consumed = token.consume("email-verification", now);
      if (!consumed.ok) return consumed;
      const user = token.userId ? await this.deps.users.findById(token.userId) : null;
      if (!user) return err(INVALID_TOKEN);

      user.verifyEmail(now);
      await this.deps.users.save(user);
      await this.deps.oneTimeTokens.save(token);
      await this.deps.audit.record({
        action: "auth.email.verified",
        outcome: "success",
        organizationId: null,
        actorId: user.id,
        resourceType: "user",
        resourceId: user.id,
      });
      return ok(undefined);
    });
    if (!result.ok) await auditTokenFailure(this.deps.audit, "auth.email.verified", result.error);
    return result;
  }
}
