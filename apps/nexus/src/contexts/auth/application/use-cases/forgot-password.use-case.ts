import { ok, type Result } from "@/shared/domain/result";
import { Email } from "../../domain/email.value-object";
import type { AuthDeps } from "../auth-deps";
import { issueDecoyToken, issueOneTimeToken } from "../issue-one-time-token";

export interface ForgotPasswordInput {
  readonly email: string;
}

type Deps = Pick<AuthDeps, "users" | "oneTimeTokens" | "unitOfWork" | "audit" | "mailer" | "clock" | "secureTokens">;

/**
 * `POST /auth/password/forgot`: always the same answer, after about the same work. An existing
 * account gets a 15-minute reset link; either way one transaction inserts a token (for an unknown
 * email, a decoy nobody can use, purged within the hour), writes an audit row and queues a sealed
 * mail request in the outbox (one that mails nobody, as long as a real one). Nothing waits for the mail service, so neither its speed nor
 * an outage tells whether the account exists.
 */
export class ForgotPasswordUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ForgotPasswordInput): Promise<Result<void, never>> {
    const email = Email.parse(input.email);
    if (!email.ok) return ok(undefined);
    const user = await this.deps.users.findByEmail(email.value);

    if (!user) {
      // A decoy token, saved like a real one: the same work as issuing one.
      const decoy = issueDecoyToken(this.deps.secureTokens, { purpose: "password-reset", now: this.deps.clock.now() });
      await this.deps.unitOfWork.transaction(async () => {
        await this.deps.oneTimeTokens.save(decoy);
        await this.deps.audit.record({
          action: "auth.password.reset_requested",
          outcome: "failure",
          organizationId: null,
          actorId: null,
          metadata: { reason: "unknown-email" },
        });
        await this.deps.mailer.sendNothing("password-reset");
      });
      return ok(undefined);
    }

    const { rawToken, token } = issueOneTimeToken(this.deps.secureTokens, {
      purpose: "password-reset",
      userId: user.id,
      email: user.email,
      now: this.deps.clock.now(),
    });
    await this.deps.unitOfWork.transaction(async () => {
      await this.deps.oneTimeTokens.save(token);
      await this.deps.audit.record({
        action: "auth.password.reset_requested",
        outcome: "success",
        organizationId: null,
        actorId: null,
        resourceType: "user",
        resourceId: user.id,
      });
      await this.deps.mailer.sendPasswordReset({ to: user.email, name: user.name, token: rawToken });
    });
    return ok(undefined);
  }
}
