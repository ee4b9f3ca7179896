import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

export type WeakPassword = DomainError<"weak-password">;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A plain password that passed the policy (spec §4: 12–128 characters, not a common password).
 * Only ever handed to the hasher; `toJSON`/`toString` hide it so it cannot leak into logs.
 */
export class Password {
  private constructor(readonly plain: string) {}

  /** `isCommon` answers from the shipped list of common passwords (data owned by infrastructure). */
  static create(plain: string, isCommon: (password: string) => boolean): Result<Password, WeakPassword> {
    // Length in code points, so an emoji counts as one character.
    const length = [...plain].length;
    if (length < PASSWORD_MIN_LENGTH) {
      return err({ code: "weak-password", message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` });
    }
    if (length > PASSWORD_MAX_LENGTH) {
      return err({ code: "weak-password", message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` });
    }
    if (isCommon(plain)) {
      return err({ code: "weak-password", message: "password is too common; choose a less guessable one" });
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
