import { z } from "zod";

/**
 * Integration events auth publishes about organizations (through the outbox, in the transaction of
 * the change). Consumers keep their own copy (bi needs the timezone, production and tax the currency).
 * Publishers may ADD fields, never rename or drop these; a breaking change is a new `.v2` type.
 */
export const OrganizationProfileSchema = z.object({
  organizationId: z.uuid(),
  name: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  timezone: z.string().min(1),
});
export type OrganizationProfilePayload = z.infer<typeof OrganizationProfileSchema>;

export const OrganizationCreatedV1 = {
  type: "auth.organization.created.v1",
  version: 1,
  schema: OrganizationProfileSchema,
} as const;

export const OrganizationUpdatedV1 = {
  type: "auth.organization.updated.v1",
  version: 1,
  schema: OrganizationProfileSchema,
} as const;
