import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "../../domain/role.value-object";
import type { AuthenticatedActor } from "../actor";
import { type OrganizationView, toUserView, type UserView } from "../auth.dto";
import { type NotFound, notFound } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { loadMyOrganizations } from "../my-organizations";

export interface GetMeInput {
  readonly actor: AuthenticatedActor;
}

export interface MeView {
  readonly user: UserView;
  readonly organizations: readonly OrganizationView[];
  /** The session's organization and the caller's CURRENT role there (fresher than the token's). */
  readonly currentOrganizationId: Uuid | null;
  readonly role: Role | null;
  readonly sessionId: Uuid;
}

type Deps = Pick<AuthDeps, "users" | "memberships" | "organizations">;

/** `GET /auth/me`. */
export class GetMeUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: GetMeInput): Promise<Result<MeView, NotFound>> {
    const { actor } = input;
    // Two independent reads: side by side, the request waits for one round trip, not two.
    const [user, organizations] = await Promise.all([
      this.deps.users.findById(actor.userId),
      loadMyOrganizations(this.deps, actor.userId),
    ]);
    if (!user) return err(notFound("user"));
    const current = organizations.find((o) => o.id === actor.organizationId) ?? null;
    return ok({
      user: toUserView(user),
      organizations,
      currentOrganizationId: current?.id ?? null,
      role: current?.role ?? null,
      sessionId: actor.sessionId,
    });
  }
}
