import { Currency } from "@/contexts/auth/domain/currency.value-object";
import { Email } from "@/contexts/auth/domain/email.value-object";
import { Membership } from "@/contexts/auth/domain/membership.entity";
import {
  type InvitationGrant,
  OneTimeToken,
  type OneTimeTokenPurpose,
} from "@/contexts/auth/domain/one-time-token.entity";
import { Organization } from "@/contexts/auth/domain/organization.entity";
import { OrganizationName } from "@/contexts/auth/domain/organization-name.value-object";
import { PersonName } from "@/contexts/auth/domain/person-name.value-object";
import type { Role } from "@/contexts/auth/domain/role.value-object";
import { Session } from "@/contexts/auth/domain/session.entity";
import { Timezone } from "@/contexts/auth/domain/timezone.value-object";
import { User } from "@/contexts/auth/domain/user.entity";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";

export const T0 = unwrap(Timestamp.parse("2026-01-05T09:00:00.123Z"));
export const at = (seconds: number): Timestamp => T0.plusMillis(seconds * 1000);

let counter = 0;
/** A unique, valid email per call, so tests sharing one database never collide. */
export const uniqueEmail = (prefix = "user"): string => `${prefix}-${Date.now()}-${++counter}@example.com`;
/** A unique 64-hex "SHA-256" per call. */
export const uniqueHash = (): string => `${Date.now().toString(16)}${(++counter).toString(16)}`.padEnd(64, "a");

export function aUser(email = uniqueEmail(), now = T0, name = "Ada Lovelace"): User {
  return User.register({
    email: unwrap(Email.parse(email)),
    name: unwrap(PersonName.parse(name)),
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    now,
  });
}

export function anOrganization(name = "Bakery", now = T0): Organization {
  return Organization.create({
    name: unwrap(OrganizationName.parse(name)),
    currency: unwrap(Currency.parse("EUR")),
    timezone: unwrap(Timezone.parse("Europe/Lisbon")),
    now,
  });
}

export const aMembership = (organizationId: Uuid, userId: Uuid, role: Role = "operator", now = T0): Membership =>
  Membership.grant({ organizationId, userId, role, now });

export function aSession(userId: Uuid, options: { organizationId?: Uuid | null; now?: Timestamp; hash?: string } = {}) {
  return Session.start({
    userId,
    organizationId: options.organizationId ?? null,
    refreshTokenHash: options.hash ?? uniqueHash(),
    now: options.now ?? T0,
    ttlSeconds: 3600,
    ip: "203.0.113.7",
    userAgent: "vitest",
  });
}

export function aToken(
  purpose: OneTimeTokenPurpose,
  options: { userId?: Uuid | null; invitation?: InvitationGrant; now?: Timestamp; email?: string } = {},
): OneTimeToken {
  return OneTimeToken.issue({
    purpose,
    tokenHash: uniqueHash(),
    userId: options.userId ?? null,
    email: unwrap(Email.parse(options.email ?? uniqueEmail("token"))),
    ...(options.invitation ? { invitation: options.invitation } : {}),
    now: options.now ?? T0,
  });
}

/** Narrows away null/undefined in tests, failing loudly instead of with a TypeError later. */
export function defined<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
