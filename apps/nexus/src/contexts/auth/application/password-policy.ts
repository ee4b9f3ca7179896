import type { Result } from "@/shared/domain/result";
import { Password, type WeakPassword } from "../domain/password.value-object";
import type { AuthDeps } from "./auth-deps";

/** The one way a use case turns a candidate into a Password: length, common list, estimated strength. */
export function acceptablePassword(
  deps: Pick<AuthDeps, "commonPasswords" | "passwordStrength">,
  plain: string,
  userInputs: readonly string[],
): Result<Password, WeakPassword> {
  return Password.create(plain, {
    isCommon: (p) => deps.commonPasswords.contains(p),
    strength: (p) => deps.passwordStrength.score(p, userInputs),
  });
}
