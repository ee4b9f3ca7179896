import type { DomainEvent } from "@/shared/domain/domain-event";
import { ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Currency } from "./currency.value-object";
import type { OrganizationName } from "./organization-name.value-object";
import type { Timezone } from "./timezone.value-object";

export interface OrganizationProps {
  readonly id: Uuid;
  readonly name: OrganizationName;
  readonly currency: Currency;
  readonly timezone: Timezone;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

/** What the rest of the system learns about an organization (published as auth.organization.*.v1). */
export interface OrganizationProfile {
  readonly name: OrganizationName;
  readonly currency: Currency;
  readonly timezone: Timezone;
}
export type OrganizationEvent =
  | DomainEvent<"auth.organization.created", OrganizationProfile>
  | DomainEvent<"auth.organization.updated", OrganizationProfile>;

/** The settings an owner may change; the currency is fixed at creation (money is in its minor units). */
export interface OrganizationChanges {
  readonly name?: OrganizationName | undefined;
  readonly timezone?: Timezone | undefined;
}

/**
 * A tenant. Its creator becomes its first owner (see CreateOrganizationUseCase). Records a domain
 * event for each change; the use case publishes `pullEvents()` in its unit of work.
 */
export class Organization {
  private events: OrganizationEvent[] = [];

  private constructor(private props: OrganizationProps) {}

  static create(input: {
    name: OrganizationName;
    currency: Currency;
    timezone: Timezone;
    now: Timestamp;
  }): Organization {
    const organization = new Organization({
      id: Uuid.generate(input.now.epochMs),
      name: input.name,
      currency: input.currency,
      timezone: input.timezone,
      createdAt: input.now,
      updatedAt: input.now,
    });
    organization.record("auth.organization.created", input.now);
    return organization;
  }

  /** Applies the changes that differ; answers whether anything changed (an event is recorded only then). */
  update(changes: OrganizationChanges, now: Timestamp): Result<{ changed: boolean }, never> {
    const next = {
      ...this.props,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.timezone !== undefined ? { timezone: changes.timezone } : {}),
    };
    if (next.name === this.props.name && next.timezone === this.props.timezone) return ok({ changed: false });
    this.props = { ...next, updatedAt: now };
    this.record("auth.organization.updated", now);
    return ok({ changed: true });
  }

  /** The events recorded since the last call (each is published once). */
  pullEvents(): OrganizationEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(type: OrganizationEvent["type"], now: Timestamp): void {
    const { id, name, currency, timezone } = this.props;
    this.events.push({
      id: Uuid.generate(now.epochMs),
      type,
      version: 1,
      organizationId: id,
      aggregateId: id,
      occurredAt: now,
      payload: { name, currency, timezone },
    });
  }

  static restore(props: OrganizationProps): Organization {
    return new Organization(props);
  }

  get id(): Uuid {
    return this.props.id;
  }
  get name(): OrganizationName {
    return this.props.name;
  }
  get currency(): Currency {
    return this.props.currency;
  }
  get timezone(): Timezone {
    return this.props.timezone;
  }
  get createdAt(): Timestamp {
    return this.props.createdAt;
  }
  get updatedAt(): Timestamp {
    return this.props.updatedAt;
  }

  toProps(): OrganizationProps {
    return this.props;
  }
}
