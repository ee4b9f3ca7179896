import { err, ok, type Result } from "@/shared/domain/result";
import { Email } from "../../domain/email.value-object";
import { PersonName } from "../../domain/person-name.value-object";
import { User } from "../../domain/user.entity";
import type { ValidationFailed, WeakPassword } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { issueOneTimeToken } from "../issue-one-time-token";
import { acceptablePassword } from "../password-policy";
import { parseFields } from "../validation";

export interface RegisterUserInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export type RegisterUserError = ValidationFailed | WeakPassword;

type Deps = Pick<
  AuthDeps,
  | "users"
  | "oneTimeTokens"
  | "unitOfWork"
  | "audit"
  | "mailer"
  | "clock"
  | "commonPasswords"
  | "passwordStrength"
  | "passwordHasher"
  | "secureTokens"
>;

/**
 * `POST /auth/register`. Answers the same (ok, nothing) whether or not the email is taken: a new
 * account gets a verification mail, an existing one a notice mail. The password is hashed in both
 * cases so the two paths take about the same time.
 */
export class RegisterUserUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: RegisterUserInput): Promise<Result<void, RegisterUserError>> {
    const fields = parseFields({ email: Email.parse(input.email), name: PersonName.parse(input.name) });
    if (!fields.ok) return fields;
    const { email, name } = fields.value;
    const password = acceptablePassword(this.deps, input.password, [email, name]);
    if (!password.ok) return err(password.error);

    const passwordHash = await this.deps.passwordHasher.hash(password.value.plain);
    const now = this.deps.clock.now();
    const existing = await this.deps.users.findByEmail(email);
    if (existing) {
      await this.deps.unitOfWork.transaction(async () => {
        await this.deps.audit.record({
          action: "auth.user.registered",
          outcome: "denied",
          organizationId: null,
          actorId: null,
          resourceType: "user",
          resourceId: existing.id,
          metadata: { reason: "email-taken" },
        });
        await this.deps.mailer.sendAccountExistsNotice({ to: existing.email, name: existing.name });
      });
      return ok(undefined);
    }

    const user = User.register({ email, name, passwordHash, now });
    const { rawToken, token } = issueOneTimeToken(this.deps.secureTokens, {
      purpose: "email-verification",
      userId: user.id,
      email,
      now,
    });
    await this.deps.unitOfWork.transaction(async () => {
      await this.deps.users.save(user);
      await this.deps.oneTimeTokens.save(token);
      await this.deps.audit.record({
        action: "auth.user.registered",
        outcome: "success",
        organizationId: null,
        actorId: user.id,
        resourceType: "user",
        resourceId: user.id,
      });
      // Queued (sealed) in the outbox with the token: both commit or neither.
      await this.deps.mailer.sendVerification({ to: email, name, token: rawToken });
    });
    return ok(undefined);
  }
}
