import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Currency } from "../../domain/currency.value-object";
import { Organization } from "../../domain/organization.entity";
import type { OrganizationName } from "../../domain/organization-name.value-object";
import type { Timezone } from "../../domain/timezone.value-object";
import type { OrganizationRow, organizations } from "./organization.table";

export function toOrganization(row: OrganizationRow): Organization {
  return Organization.restore({
    id: row.id,
    name: row.name as OrganizationName,
    currency: row.currency as Currency,
    timezone: row.timezone as Timezone,
    createdAt: Timestamp.fromDate(row.createdAt),
    updatedAt: Timestamp.fromDate(row.updatedAt),
  });
}

export function toOrganizationRow(organization: Organization): typeof organizations.$inferInsert {
  const p = organization.toProps();
  return {
    id: p.id,
    name: p.name,
    currency: p.currency,
    timezone: p.timezone,
    createdAt: p.createdAt.toDate(),
    updatedAt: p.updatedAt.toDate(),
  };
}
