import { ok, type Result } from "@/shared/domain/result";
import { Currency } from "../../domain/currency.value-object";
import { Membership } from "../../domain/membership.entity";
import { Organization } from "../../domain/organization.entity";
import { OrganizationName } from "../../domain/organization-name.value-object";
import { Timezone } from "../../domain/timezone.value-object";
import type { AuthenticatedActor } from "../actor";
import { type OrganizationView, toOrganizationView } from "../auth.dto";
import type { ValidationFailed } from "../auth.errors";
import type { AuthDeps } from "../auth-deps";
import { parseFields } from "../validation";

export interface CreateOrganizationInput {
  readonly actor: AuthenticatedActor;
  readonly name: string;
  readonly currency: string;
  readonly timezone: string;
}

type Deps = Pick<AuthDeps, "organizations" | "memberships" | "unitOfWork" | "audit" | "events" | "clock">;

/**
 * `POST /organizations`: the caller becomes its owner; publishes `auth.organization.created.v1`. The
 * caller's session keeps acting where it was; `switch-organization` moves it.
 */
export class CreateOrganizationUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: CreateOrganizationInput): Promise<Result<OrganizationView, ValidationFailed>> {
    const fields = parseFields({
      name: OrganizationName.parse(input.name),
      currency: Currency.parse(input.currency),
      timezone: Timezone.parse(input.timezone),
    });
    if (!fields.ok) return fields;

    const now = this.deps.clock.now();
    const organization = Organization.create({ ...fields.value, now });
    const owner = Membership.grant({ organizationId: organization.id, userId: input.actor.userId, role: "owner", now });
    await this.deps.unitOfWork.transaction(async () => {
      await this.deps.organizations.save(organization);
      await this.deps.memberships.save(owner);
      await this.deps.events.publish(organization.pullEvents());
      await this.deps.audit.record({
        action: "auth.organization.created",
        outcome: "success",
        organizationId: organization.id,
        actorId: input.actor.userId,
        resourceType: "organization",
        resourceId: organization.id,
        metadata: { name: organization.name, currency: organization.currency, timezone: organization.timezone },
      });
    });
    return ok(toOrganizationView(organization, "owner"));
  }
}
