import { z } from "zod";
import type { EventContract } from "@/shared/infrastructure/events/integration-event";
import { ROLES, type Role } from "../../domain/role.value-object";

/**
 * One revocation as every instance holds it in memory, reads it from `auth.access_revocations`
 * and receives it on the broadcast channel (ADR 0010). Times are epoch milliseconds.
 */
export type AccessRevocation =
  | { readonly kind: "session"; readonly sessionId: string; readonly expiresAtMs: number }
  | {
      readonly kind: "membership";
      readonly organizationId: string;
      readonly userId: string;
      /** The role the member keeps; null when removed. */
      readonly role: Role | null;
      /** Orders the changes of one membership (the latest wins). */
      readonly sequence: number;
      readonly expiresAtMs: number;
    };

const accessRevocationSchema: z.ZodType<AccessRevocation> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), sessionId: z.uuid(), expiresAtMs: z.number().int() }),
  z.object({
    kind: z.literal("membership"),
    organizationId: z.uuid(),
    userId: z.uuid(),
    role: z.enum(ROLES).nullable(),
    sequence: z.number().int(),
    expiresAtMs: z.number().int(),
  }),
]);

export const accessRevocationBatchSchema = z.object({ revocations: z.array(accessRevocationSchema) });
export type AccessRevocationBatch = z.infer<typeof accessRevocationBatchSchema>;

/**
 * Auth's own event, not a contract for other contexts: the outbox carries committed revocations to
 * the relay, whose handler broadcasts them, retried until the broadcast accepts them.
 */
export const AccessRevoked: EventContract<AccessRevocationBatch> = {
  type: "auth.access.revoked.v1",
  version: 1,
  schema: accessRevocationBatchSchema,
  // The database keeps the revocations themselves; the broadcast is done long before a week.
  retainDays: 7,
};

/** The broadcast channel every instance's revocation feed listens on. */
export const REVOCATION_CHANNEL = "auth:access-revocations";
