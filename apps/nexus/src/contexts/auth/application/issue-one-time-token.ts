import { OneTimeToken } from "../domain/one-time-token.entity";
import type { SecureTokens } from "./ports/secure-tokens.port";

/**
 * A fresh one-time token: the raw secret goes into the mail (never stored), the entity keeps only
 * its hash. Save the entity inside the unit of work; mail the raw token after commit.
 */
export function issueOneTimeToken(
  secureTokens: SecureTokens,
  input: Omit<Parameters<typeof OneTimeToken.issue>[0], "tokenHash">,
): { rawToken: string; token: OneTimeToken } {
  const rawToken = secureTokens.generate();
  return { rawToken, token: OneTimeToken.issue({ ...input, tokenHash: secureTokens.hash(rawToken) }) };
}

/** A decoy (see `OneTimeToken.decoy`) made with the same work as `issueOneTimeToken`: a fresh secret, hashed. */
export function issueDecoyToken(
  secureTokens: SecureTokens,
  input: Omit<Parameters<typeof OneTimeToken.decoy>[0], "tokenHash">,
): OneTimeToken {
  return OneTimeToken.decoy({ ...input, tokenHash: secureTokens.hash(secureTokens.generate()) });
}
