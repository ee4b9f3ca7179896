import type { Cache } from "@/shared/infrastructure/cache/cache.port";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { HonoAuthGuard } from "../guard/auth-guard.middleware";
import { ARGON2_MINIMUM, type Argon2Params, Argon2PasswordHasher } from "./argon2.password-hasher";
import { CacheLoginThrottle } from "./cache.login-throttle";
import { CryptoSecureTokens } from "./crypto.secure-tokens";
import { FileCommonPasswordList } from "./file.common-password-list";
import { JoseAccessTokenIssuer } from "./jose.access-token.issuer";
import { JoseAccessTokenVerifier } from "./jose.access-token.verifier";
import { JwksController } from "./jwks.controller";
import type { RevocationFeed } from "./revocation-feed";
import { loadSigningKeys, type SigningKeySet } from "./signing-keys";
import { ZxcvbnPasswordStrength } from "./zxcvbn.password-strength";

export interface AuthSecurity {
  readonly keys: SigningKeySet;
  readonly passwordHasher: Argon2PasswordHasher;
  readonly commonPasswords: FileCommonPasswordList;
  readonly passwordStrength: ZxcvbnPasswordStrength;
  readonly accessTokenIssuer: JoseAccessTokenIssuer;
  readonly accessTokenVerifier: JoseAccessTokenVerifier;
  readonly loginThrottle: CacheLoginThrottle;
  readonly secureTokens: CryptoSecureTokens;
  readonly guard: HonoAuthGuard;
  readonly jwksController: JwksController;
}

/**
 * Builds auth's security adapters from config, the shared cache and the revocation feed the guard
 * checks (one call at start-up).
 */
export async function createAuthSecurity(
  config: Config,
  cache: Cache,
  revocationFeed: Pick<RevocationFeed, "isRevoked">,
  options: { readonly argon2?: Argon2Params } = {},
): Promise<AuthSecurity> {
  const keys = await loadSigningKeys(config);
  const tokenOptions = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
  const accessTokenVerifier = new JoseAccessTokenVerifier(keys, {
    ...tokenOptions,
    maxLifetimeSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  return {
    keys,
    passwordHasher: new Argon2PasswordHasher(options.argon2 ?? ARGON2_MINIMUM),
    commonPasswords: FileCommonPasswordList.load(),
    passwordStrength: new ZxcvbnPasswordStrength(),
    accessTokenIssuer: new JoseAccessTokenIssuer(keys, {
      ...tokenOptions,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    }),
    accessTokenVerifier,
    loginThrottle: new CacheLoginThrottle(cache),
    secureTokens: new CryptoSecureTokens(),
    guard: new HonoAuthGuard(accessTokenVerifier, revocationFeed),
    jwksController: new JwksController(keys),
  };
}
