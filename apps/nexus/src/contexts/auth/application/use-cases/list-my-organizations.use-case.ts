import { ok, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import type { OrganizationView } from "../auth.dto";
import type { AuthDeps } from "../auth-deps";
import { loadMyOrganizations } from "../my-organizations";

export interface ListMyOrganizationsInput {
  readonly actor: AuthenticatedActor;
}

type Deps = Pick<AuthDeps, "memberships" | "organizations">;

/** `GET /organizations`: the caller's organizations with the caller's role in each. */
export class ListMyOrganizationsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ListMyOrganizationsInput): Promise<Result<{ items: OrganizationView[] }, never>> {
    return ok({ items: await loadMyOrganizations(this.deps, input.actor.userId) });
  }
}
