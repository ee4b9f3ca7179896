import { err, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { hasPermission } from "../../domain/permissions";
import type { AuthenticatedActor } from "../actor";
import type { InvalidCursor, NotFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { requireMembership } from "../organization-access";
import type { MemberView } from "../ports/membership.repository";
import type { Page, PageRequest } from "../ports/page";

export interface ListMembersInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly page: PageRequest;
}

type Deps = Pick<AuthDeps, "memberships">;

/** `GET /organizations/{id}/members`: any member may read; a non-member gets `not-found`. */
export class ListMembersUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ListMembersInput): Promise<Result<Page<MemberView>, NotFound | InvalidCursor>> {
    const caller = await requireMembership(this.deps.memberships, input.organizationId, input.actor.userId);
    if (!caller.ok) return caller;
    // Every role holds members:read today; the check keeps the permission table authoritative.
    if (!hasPermission(caller.value.role, "members:read"))
      return err({ code: "not-found", message: "organization not found" });
    return this.deps.memberships.listMembers(input.organizationId, input.page);
  }
}
