import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

/** Roles in an organization, strongest first (spec §4). */
export const ROLES = ["owner", "admin", "operator", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export type InvalidRole = DomainError<"invalid-role">;

const rank: Record<Role, number> = { owner: 4, admin: 3, operator: 2, analyst: 1 };

export const Role = {
  parse(value: string): Result<Role, InvalidRole> {
    return (ROLES as readonly string[]).includes(value)
      ? ok(value as Role)
      : err({ code: "invalid-role", message: `role must be one of ${ROLES.join(", ")}` });
  },
  /** True when `role` is at least as strong as `required`. */
  atLeast(role: Role, required: Role): boolean {
    return rank[role] >= rank[required];
  },
};
