import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Membership } from "../../domain/membership.entity";
import type { Organization } from "../../domain/organization.entity";
import type { Role } from "../../domain/role.value-object";
import type { Paged, PageRequest } from "./page";

/** A member as `GET /organizations/{id}/members` shows it (a read model joining users, same schema). */
export interface MemberView {
  readonly userId: Uuid;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly joinedAt: Timestamp;
}

/** One of the user's organizations with their role in it. */
export interface OrganizationOfUser {
  readonly organization: Organization;
  readonly role: Role;
}

export interface MembershipRepository {
  find(organizationId: Uuid, userId: Uuid): Promise<Membership | null>;
  /**
   * find that, inside a unit of work, LOCKS the row (for share) until commit: a concurrent removal or
   * role change waits, then sees what we wrote (e.g. a session moved into the organization).
   */
  findShared(organizationId: Uuid, userId: Uuid): Promise<Membership | null>;
  /**
   * For member management, inside a unit of work: LOCKS (for update), in ONE statement and in a fixed
   * order (by id), the memberships of `userIds` (the caller, and the target if any) together with the
   * organization's owner rows; returns those of `userIds` that exist. A caller demoted or removed by a
   * concurrent transaction is seen as it is after that commit, and two management transactions never
   * deadlock (both lock their rows in the same order, before any other write).
   */
  lockForManagement(organizationId: Uuid, userIds: readonly Uuid[]): Promise<Membership[]>;
  /** Every membership of the user, oldest first (login picks the first as the default organization). */
  listByUser(userId: Uuid): Promise<Membership[]>;
  /** The user's organizations with their role in each, oldest membership first: one query (hot path). */
  listOrganizationsOfUser(userId: Uuid): Promise<OrganizationOfUser[]>;
  /** As listOrganizationsOfUser, a page at a time (`GET /organizations`); a foreign cursor is `invalid-cursor`. */
  pageOrganizationsOfUser(userId: Uuid, page: PageRequest): Paged<OrganizationOfUser>;
  /** Members of one organization, ordered by joinedAt then userId; a foreign cursor is `invalid-cursor`. */
  listMembers(organizationId: Uuid, page: PageRequest): Paged<MemberView>;
  /**
   * Number of owners. Inside a unit of work the adapter LOCKS the organization's owner rows
   * (select … for update, then count) so two concurrent demotions cannot both see two owners.
   */
  countOwners(organizationId: Uuid): Promise<number>;
  /** Insert or update (key: organizationId + userId). */
  save(membership: Membership): Promise<void>;
  delete(organizationId: Uuid, userId: Uuid): Promise<void>;
}
