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

/** A tenant. Its creator becomes its first owner (see CreateOrganizationUseCase). */
export class Organization {
  private constructor(private readonly props: OrganizationProps) {}

  static create(input: {
    name: OrganizationName;
    currency: Currency;
    timezone: Timezone;
    now: Timestamp;
  }): Organization {
    return new Organization({
      id: Uuid.generate(input.now.epochMs),
      name: input.name,
      currency: input.currency,
      timezone: input.timezone,
      createdAt: input.now,
      updatedAt: input.now,
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
