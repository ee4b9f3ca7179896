import { map, type Result } from "@/shared/domain/result";
import type { AuthenticatedActor } from "../actor";
import { type OrganizationView, toOrganizationView } from "../auth.dto";
import type { InvalidCursor } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import type { Page, PageRequest } from "../ports/page";

export interface ListMyOrganizationsInput {
  readonly actor: AuthenticatedActor;
  readonly page: PageRequest;
}

type Deps = Pick<AuthDeps, "memberships">;

/** `GET /organizations`: the caller's organizations with the caller's role in each, oldest membership first. */
export class ListMyOrganizationsUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ListMyOrganizationsInput): Promise<Result<Page<OrganizationView>, InvalidCursor>> {
    const page = await this.deps.memberships.pageOrganizationsOfUser(input.actor.userId, input.page);
    return map(page, ({ items, nextCursor }) => ({
      items: items.map(({ organization, role }) => toOrganizationView(organization, role)),
      nextCursor,
    }));
  }
}
