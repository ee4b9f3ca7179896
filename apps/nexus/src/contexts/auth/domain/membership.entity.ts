import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "./role.value-object";

export interface MembershipProps {
  readonly organizationId: Uuid;
  readonly userId: Uuid;
  readonly role: Role;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

/**
 * A user's role in one organization. Who may change it, and the last-owner rule, are checked by
 * `role-management.rules.ts` and `last-owner.rule.ts` before `changeRole` is called: they need the
 * actor and the organization's owner count, which one membership does not know.
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

  changeRole(role: Role, now: Timestamp): void {
    this.props = { ...this.props, role, updatedAt: now };
  }

  toProps(): MembershipProps {
    return this.props;
  }
}
