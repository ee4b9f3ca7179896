import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "../../domain/role.value-object";

export interface AccessTokenClaims {
  readonly userId: Uuid;
  readonly sessionId: Uuid;
  /** The organization the session acts in; null before the user has one. */
  readonly organizationId: Uuid | null;
  readonly role: Role | null;
}

export interface IssuedAccessToken {
  readonly token: string;
  /** Seconds until expiry. */
  readonly expiresIn: number;
}

/** Signs short-lived access tokens (EdDSA/ES256 with `kid`); verification lives in the guard. */
export interface AccessTokenIssuer {
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
}
