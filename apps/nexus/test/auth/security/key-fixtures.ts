import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { AccessTokenClaims } from "@/contexts/auth/application/ports/access-token.port";
import { Uuid } from "@/shared/domain/uuid.value-object";

/** A private Ed25519 JWK with the given kid, as an operator would put in JWT_PRIVATE_KEYS. */
export async function privateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}

export const jwks = (...keys: JWK[]): string => JSON.stringify({ keys });

export function claims(overrides: Partial<AccessTokenClaims> = {}): AccessTokenClaims {
  return {
    userId: Uuid.generate(),
    sessionId: Uuid.generate(),
    organizationId: Uuid.generate(),
    role: "operator",
    ...overrides,
  };
}

export const TOKEN_OPTIONS = { issuer: "nexus-test", audience: "nexus-api-test" } as const;
