import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

export type WeakPassword = DomainError<"weak-password">;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** On zxcvbn's 0–4 scale: 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
export const PASSWORD_MIN_STRENGTH = 3;

/** What infrastructure knows about a candidate: on the shipped common list; estimated strength 0–4. */
export interface PasswordGuessability {
  isCommon(password: string): boolean;
  strength(password: string): number;
}

/**
 * A plain password that passed the policy (spec §4: 12–128 characters, not a common password; and
 * not guessable by a strength estimator — twelve spaces have the length but no strength).
 * Only ever handed to the hasher; `toJSON`/`toString` hide it so it cannot leak into logs.
 */
export class Password {
  private constructor(readonly plain: string) {}

  /** `guessability` answers from the shipped list and an estimator (both owned by infrastructure). */
  static create(plain: string, guessability: PasswordGuessability): Result<Password, WeakPassword> {
    // Length in code points, so an emoji counts as one character.
    const length = [...plain].length;
    if (length < PASSWORD_MIN_LENGTH) {
      return err({ code: "weak-password", message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` });
    }
    if (length > PASSWORD_MAX_LENGTH) {
      return err({ code: "weak-password", message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` });
    }
    if (guessability.isCommon(plain)) {
      return err({ code: "weak-password", message: "password is too common; choose a less guessable one" });
    }
    if (guessability.strength(plain) < PASSWORD_MIN_STRENGTH) {
      return err({
        code: "weak-password",
        message: "password is too easy to guess; a few unrelated words make a strong one",
      });
    }
    return ok(new Password(plain));
  }

  toJSON(): string {
    return "[redacted]";
  }

  toString(): string {
    return "[redacted]";
  }
}
