import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Email } from "../../domain/email.value-object";
import type { OneTimeToken } from "../../domain/one-time-token.entity";
import type { Role } from "../../domain/role.value-object";
import type { Paged, PageRequest } from "./page";

/** A pending invitation as the lists show it (never its token or hash). */
export interface InvitationView {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly organizationName: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: Uuid;
  readonly createdAt: Timestamp;
  readonly expiresAt: Timestamp;
}

/**
 * Invitations are one-time tokens of purpose "invitation" (same table, hashed like the others; saved
 * through OneTimeTokenRepository.save). "Pending" = not used, revoked or replaced; at most one per
 * (organization, email) — a unique partial index. The look-ups that return an entity LOCK its row
 * (for update) inside a unit of work.
 */
export interface InvitationRepository {
  /** The pending invitation of (organization, email), expired or not, locked. */
  findPending(organizationId: Uuid, email: Email): Promise<OneTimeToken | null>;
  /** An invitation by id (any state), locked; null for an unknown id or another purpose's token. */
  findById(id: Uuid): Promise<OneTimeToken | null>;
  /** A page of the pending and unexpired invitations of an organization, oldest first. */
  listPendingOfOrganization(organizationId: Uuid, now: Timestamp, page: PageRequest): Paged<InvitationView>;
  /** A page of the pending and unexpired invitations sent to `email`, oldest first. */
  listPendingFor(email: Email, now: Timestamp, page: PageRequest): Paged<InvitationView>;
  /**
   * Serialises one inviter's invitations across organizations until the transaction ends: their daily
   * quota spans organizations, which the organization's lock alone does not cover. Take it after the
   * organization's lock (every invite takes the two in that order, so they never deadlock).
   */
  lockInviter(invitedBy: Uuid): Promise<void>;
  /** Invitations created after `since` in an organization, or by an inviter (all organizations). */
  countSince(by: { organizationId: Uuid } | { invitedBy: Uuid }, since: Timestamp): Promise<number>;
  /**
   * Spends every pending invitation `invitedBy` sent in the organization (they were removed or
   * demoted); returns their ids. Rows locked by a concurrent accept are SKIPPED: that accept read
   * the inviter before us and is ordered before this change.
   */
  spendByInviter(organizationId: Uuid, invitedBy: Uuid, at: Timestamp): Promise<Uuid[]>;
}
