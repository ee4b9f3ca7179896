import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Organization } from "../domain/organization.entity";
import type { Role } from "../domain/role.value-object";
import type { Session } from "../domain/session.entity";
import type { User } from "../domain/user.entity";

/** What the use cases answer. Timestamps serialise to RFC 3339 UTC through `toJSON`. */
export interface UserView {
  readonly id: Uuid;
  readonly email: string;
  readonly name: string;
  readonly emailVerified: boolean;
  readonly createdAt: Timestamp;
}

export interface OrganizationView {
  readonly id: Uuid;
  readonly name: string;
  readonly currency: string;
  readonly timezone: string;
  readonly createdAt: Timestamp;
  /** The caller's role in it. */
  readonly role: Role;
}

export interface SessionView {
  readonly id: Uuid;
  readonly createdAt: Timestamp;
  readonly lastUsedAt: Timestamp;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** True for the session of the access token that asked. */
  readonly current: boolean;
}

export interface TokenPair {
  readonly accessToken: string;
  /** Opaque; store it and send it back to /auth/refresh. Rotated on every use. */
  readonly refreshToken: string;
  readonly tokenType: "Bearer";
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
}

export const toUserView = (user: User): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  emailVerified: user.isEmailVerified,
  createdAt: user.createdAt,
});

export const toOrganizationView = (organization: Organization, role: Role): OrganizationView => ({
  id: organization.id,
  name: organization.name,
  currency: organization.currency,
  timezone: organization.timezone,
  createdAt: organization.createdAt,
  role,
});

export const toSessionView = (session: Session, currentSessionId: Uuid): SessionView => ({
  id: session.id,
  createdAt: session.createdAt,
  lastUsedAt: session.lastUsedAt,
  ip: session.ip,
  userAgent: session.userAgent,
  current: session.id === currentSessionId,
});
