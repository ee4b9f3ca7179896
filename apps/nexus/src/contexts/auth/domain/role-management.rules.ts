import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { hasPermission } from "./permissions";
import type { Role } from "./role.value-object";

/**
 * Who may manage whom (spec §4). owner: everything, including other owners; admin: members but
 * not owners, and cannot grant owner; operator and analyst: nobody (except leaving themselves).
 * The last-owner rule is separate (last-owner.rule.ts): it needs the organization's owner count.
 */
export type RoleRuleBroken = DomainError<"forbidden"> & {
  readonly rule:
    | "members-manage-permission"
    | "only-owner-grants-owner"
    | "only-owner-manages-owners"
    | "organization-manage-permission";
};

export interface MemberRef {
  readonly userId: Uuid;
  readonly role: Role;
}

const broken = (rule: RoleRuleBroken["rule"], message: string): Result<void, RoleRuleBroken> =>
  err({ code: "forbidden", rule, message });

/** Rule: managing members takes `members:manage` (admin or owner). */
export function ensureCanManageMembers(actorRole: Role): Result<void, RoleRuleBroken> {
  return hasPermission(actorRole, "members:manage")
    ? ok(undefined)
    : broken("members-manage-permission", "only owners and admins manage members");
}

/** Rule: an organization's settings (name, timezone) take `organization:manage` (owner). */
export function ensureCanManageOrganization(actorRole: Role): Result<void, RoleRuleBroken> {
  return hasPermission(actorRole, "organization:manage")
    ? ok(undefined)
    : broken("organization-manage-permission", "only owners change the organization's settings");
}

/** Rule: only an owner makes someone an owner. */
export function ensureCanGrant(actorRole: Role, role: Role): Result<void, RoleRuleBroken> {
  return role === "owner" && actorRole !== "owner"
    ? broken("only-owner-grants-owner", "only an owner can grant the owner role")
    : ok(undefined);
}

/** Rule: only an owner changes or removes an owner. */
export function ensureCanManage(actorRole: Role, targetRole: Role): Result<void, RoleRuleBroken> {
  return targetRole === "owner" && actorRole !== "owner"
    ? broken("only-owner-manages-owners", "only an owner can change or remove another owner")
    : ok(undefined);
}

/** Adding someone (a registered user or an invitation) with `role`. */
export function ensureCanAddMember(actorRole: Role, role: Role): Result<void, RoleRuleBroken> {
  const manage = ensureCanManageMembers(actorRole);
  return manage.ok ? ensureCanGrant(actorRole, role) : manage;
}

/** Changing `target`'s role to `role`. */
export function ensureCanChangeRole(actorRole: Role, target: MemberRef, role: Role): Result<void, RoleRuleBroken> {
  for (const check of [
    () => ensureCanManageMembers(actorRole),
    () => ensureCanManage(actorRole, target.role),
    () => ensureCanGrant(actorRole, role),
  ]) {
    const result = check();
    if (!result.ok) return result;
  }
  return ok(undefined);
}

/** Removing `target`. Anyone may leave an organization; removing others takes the rules above. */
export function ensureCanRemove(actor: MemberRef, target: MemberRef): Result<void, RoleRuleBroken> {
  if (actor.userId === target.userId) return ok(undefined);
  const manage = ensureCanManageMembers(actor.role);
  return manage.ok ? ensureCanManage(actor.role, target.role) : manage;
}
