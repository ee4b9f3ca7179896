import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { OrganizationName } from "../../domain/organization-name.value-object";
import { ensureCanManageOrganization } from "../../domain/role-management.rules";
import { Timezone } from "../../domain/timezone.value-object";
import type { AuthenticatedActor } from "../actor";
import { type OrganizationView, toOrganizationView } from "../auth.dto";
import { type Forbidden, type NotFound, notFound, type ValidationFailed } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { lockManagement } from "../organization-access";
import { parseFields } from "../validation";

export interface UpdateOrganizationInput {
  readonly actor: AuthenticatedActor;
  readonly organizationId: Uuid;
  readonly name?: string;
  readonly timezone?: string;
}

export type UpdateOrganizationError = ValidationFailed | NotFound | Forbidden;

type Deps = Pick<AuthDeps, "organizations" | "memberships" | "unitOfWork" | "audit" | "events" | "clock">;

/**
 * `PATCH /organizations/{id}` (owner): name and timezone; the currency is fixed at creation. A real
 * change is audited and publishes `auth.organization.updated.v1` in the same transaction; sending
 * the current values changes nothing and publishes nothing.
 */
export class UpdateOrganizationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: UpdateOrganizationInput): Promise<Result<OrganizationView, UpdateOrganizationError>> {
    const fields = parseFields({
      name: input.name === undefined ? ok(undefined) : OrganizationName.parse(input.name),
      timezone: input.timezone === undefined ? ok(undefined) : Timezone.parse(input.timezone),
    });
    if (!fields.ok) return fields;
    const changes = fields.value;
    const { actor, organizationId } = input;

    return this.deps.unitOfWork.transaction(async (): Promise<Result<OrganizationView, UpdateOrganizationError>> => {
      // Under lock: an owner demoted by a concurrent transaction no longer changes the settings.
      const locked = await lockManagement(this.deps.memberships, organizationId, actor.userId);
      if (!locked.ok) return locked;
      const { caller } = locked.value;
      const allowed = ensureCanManageOrganization(caller.role);
      if (!allowed.ok) return allowed;
      const organization = await this.deps.organizations.findById(organizationId);
      if (!organization) return err(notFound("organization"));

      const before = { name: organization.name, timezone: organization.timezone };
      const updated = organization.update(changes, this.deps.clock.now());
      if (!updated.ok) return updated;
      if (updated.value.changed) {
        await this.deps.organizations.save(organization);
        await this.deps.events.publish(organization.pullEvents());
        await this.deps.audit.record({
          action: "auth.organization.updated",
          outcome: "success",
          organizationId,
          actorId: actor.userId,
          resourceType: "organization",
          resourceId: organizationId,
          metadata: { before, after: { name: organization.name, timezone: organization.timezone } },
        });
      }
      return ok(toOrganizationView(organization, caller.role));
    });
  }
}
