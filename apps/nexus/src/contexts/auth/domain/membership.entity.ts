import { ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { ensureKeepsAnOwner, type LastOwnerRuleBroken } from "./last-owner.rule";
import type { Role } from "./role.value-object";
import { ensureCanChangeRole, ensureCanRemove, type RoleRuleBroken } from "./role-management.rules";

export type MembershipRuleBroken = RoleRuleBroken | LastOwnerRuleBroken;

export interface MembershipProps {
  readonly organizationId: Uuid;
  readonly userId: Uuid;
  readonly role: Role;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
  /** When the user consented to join; null only for members added without consent before invitations. */
  readonly acceptedAt: Timestamp | null;
}

/**
 * A user's role in one organization. It guards its own rules: `changeRole` and `checkRemoval` apply
 * the role-management rules (who may manage whom) and the last-owner rule, given the acting member
 * and the organization's owner count (read under lock by the caller, see MembershipRepository).
 */
export class Membership {
  private constructor(private props: MembershipProps) {}

  static grant(input: { organizationId: Uuid; userId: Uuid; role: Role; now: Timestamp }): Membership {
    return new Membership({
      organizationId: input.organizationId,
      userId: input.userId,
      role: input.role,
      createdAt: input.now,
      updatedAt: input.now,
      // Granted only to someone who asked: the organization's creator, or an invitee accepting.
      acceptedAt: input.now,
    });
  }

  static restore(props: MembershipProps): Membership {
    return new Membership(props);
  }

  get organizationId(): Uuid {
    return this.props.organizationId;
  }
  get userId(): Uuid {
    return this.props.userId;
  }
  get role(): Role {
    return this.props.role;
  }
  get createdAt(): Timestamp {
    return this.props.createdAt;
  }
  get updatedAt(): Timestamp {
    return this.props.updatedAt;
  }
  get acceptedAt(): Timestamp | null {
    return this.props.acceptedAt;
  }

  get isOwner(): boolean {
    return this.props.role === "owner";
  }

  /**
   * `by` changes this member's role to `role`. `ownerCount` is only consulted when this member is an
   * owner (pass the locked count then). Answers the previous role; the same role changes nothing.
   */
  changeRole(change: {
    by: Membership;
    role: Role;
    ownerCount: number;
    now: Timestamp;
  }): Result<{ from: Role; changed: boolean }, MembershipRuleBroken> {
    const { by, role, now } = change;
    const allowed = ensureCanChangeRole(by.role, this, role);
    if (!allowed.ok) return allowed;
    const from = this.props.role;
    if (from === role) return ok({ from, changed: false });
    const keepsOwner = ensureKeepsAnOwner({ ownerCount: change.ownerCount, currentRole: from, nextRole: role });
    if (!keepsOwner.ok) return keepsOwner;
    this.props = { ...this.props, role, updatedAt: now };
    return ok({ from, changed: true });
  }

  /** May `by` remove this member (anyone may leave)? The last owner never goes. */
  checkRemoval(by: Membership, ownerCount: number): Result<void, MembershipRuleBroken> {
    const allowed = ensureCanRemove(by, this);
    if (!allowed.ok) return allowed;
    return ensureKeepsAnOwner({ ownerCount, currentRole: this.props.role, nextRole: null });
  }

  toProps(): MembershipProps {
    return this.props;
  }
}
