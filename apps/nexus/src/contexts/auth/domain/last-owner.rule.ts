import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Role } from "./role.value-object";

export type LastOwnerRuleBroken = DomainError<"last-owner">;

/**
 * Rule: an organization always keeps at least one owner (spec §4). `nextRole` null means the member
 * leaves. `ownerCount` must be read under a lock in the same transaction (see MembershipRepository).
 */
export function ensureKeepsAnOwner(input: {
  ownerCount: number;
  currentRole: Role;
  nextRole: Role | null;
}): Result<void, LastOwnerRuleBroken> {
  const losesAnOwner = input.currentRole === "owner" && input.nextRole !== "owner";
  return losesAnOwner && input.ownerCount <= 1
    ? err({ code: "last-owner", message: "an organization must keep at least one owner" })
    : ok(undefined);
}
