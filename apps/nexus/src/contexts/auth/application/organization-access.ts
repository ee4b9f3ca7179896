import { err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Membership } from "../domain/membership.entity";
import { type NotFound, notFound } from "./auth.errors";
import type { AuthDeps } from "./auth-deps";
import type { MembershipRepository } from "./ports/membership.repository";
import { revokeSessions } from "./revoke-sessions";

/**
 * Tenant isolation: the caller's membership of `organizationId`, read from the database (not from
 * the token, whose role may be up to one access-token lifetime old). Not a member → `not-found`,
 * exactly as if the organization did not exist.
 */
export async function requireMembership(
  memberships: MembershipRepository,
  organizationId: Uuid,
  userId: Uuid,
): Promise<Result<Membership, NotFound>> {
  const membership = await memberships.find(organizationId, userId);
  return membership ? ok(membership) : err(notFound("organization"));
}

/**
 * requireMembership for the member-management use cases, inside their unit of work: the caller's
 * membership (and the target's, when given) read under lock (`lockForManagement`), so an owner
 * demoted or removed by a transaction that commits meanwhile acts with the role it has AFTER that
 * commit, not the one it had when its request started. Not a member → `not-found`.
 */
export async function lockManagement(
  memberships: MembershipRepository,
  organizationId: Uuid,
  callerId: Uuid,
  targetId?: Uuid,
): Promise<Result<{ caller: Membership; target: Membership | null }, NotFound>> {
  const ids = targetId && targetId !== callerId ? [callerId, targetId] : [callerId];
  const locked = await memberships.lockForManagement(organizationId, ids);
  const caller = locked.find((m) => m.userId === callerId);
  if (!caller) return err(notFound("organization"));
  const target = targetId ? (locked.find((m) => m.userId === targetId) ?? null) : null;
  return ok({ caller, target });
}

/**
 * Ends `userId`'s sessions that act in `organizationId` (after a removal or a downgrade), so the
 * stale role in their access tokens stops working now rather than at expiry. Returns the ids.
 */
export async function endSessionsInOrganization(
  deps: Pick<AuthDeps, "sessions" | "revocations">,
  userId: Uuid,
  organizationId: Uuid,
  now: Timestamp,
): Promise<Uuid[]> {
  const active = await deps.sessions.listActiveByUser(userId, now);
  const inOrganization = active.filter((s) => s.organizationId === organizationId);
  return revokeSessions(deps, inOrganization, "membership-changed", now);
}
