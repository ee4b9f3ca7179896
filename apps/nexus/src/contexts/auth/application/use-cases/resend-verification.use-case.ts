import { ok, type Result } from "@/shared/domain/result";
import { Email } from "../../domain/email.value-object";
import type { AuthDeps } from "../auth-deps";
import { issueDecoyToken, issueOneTimeToken } from "../issue-one-time-token";

export interface ResendVerificationInput {
  readonly email: string;
}

type Deps = Pick<AuthDeps, "users" | "oneTimeTokens" | "unitOfWork" | "audit" | "mailer" | "clock" | "secureTokens">;

/**
 * `POST /auth/email/resend`: always the same answer, after about the same work (see
 * ForgotPasswordUseCase). Mails only an existing, unverified account; every request is audited.
 */
export class ResendVerificationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ResendVerificationInput): Promise<Result<void, never>> {
    const email = Email.parse(input.email);
    if (!email.ok) return ok(undefined);
    const user = await this.deps.users.findByEmail(email.value);

    if (!user || user.isEmailVerified) {
      // A decoy token, saved like a real one: the same work as issuing one.
      const decoy = issueDecoyToken(this.deps.secureTokens, {
        purpose: "email-verification",
        now: this.deps.clock.now(),
      });
      await this.deps.unitOfWork.transaction(async () => {
        await this.deps.oneTimeTokens.save(decoy);
        await this.deps.audit.record({
          action: "auth.email.verification_requested",
          outcome: "failure",
          organizationId: null,
          actorId: null,
          ...(user ? { resourceType: "user", resourceId: user.id } : {}),
          metadata: { reason: user ? "already-verified" : "unknown-email" },
        });
        await this.deps.mailer.sendNothing("verification");
      });
      return ok(undefined);
    }

    const { rawToken, token } = issueOneTimeToken(this.deps.secureTokens, {
      purpose: "email-verification",
      userId: user.id,
      email: user.email,
      now: this.deps.clock.now(),
    });
    await this.deps.unitOfWork.transaction(async () => {
      await this.deps.oneTimeTokens.save(token);
      await this.deps.audit.record({
        action: "auth.email.verification_requested",
        outcome: "success",
        organizationId: null,
        actorId: null,
        resourceType: "user",
        resourceId: user.id,
      });
      await this.deps.mailer.sendVerification({ to: user.email, name: user.name, token: rawToken });
    });
    return ok(undefined);
  }
}
