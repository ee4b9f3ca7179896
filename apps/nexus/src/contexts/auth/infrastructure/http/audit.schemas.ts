import { z } from "@hono/zod-openapi";
import { DateTimeSchema, IdField, IdSchema, pageOf } from "@/shared/infrastructure/http/common.schemas";
import { InstantField } from "@/shared/infrastructure/http/instant-field";

export const AuditQuerySchema = z.object({
  from: InstantField.optional().openapi({ description: "Inclusive lower bound (RFC 3339)" }),
  to: InstantField.optional().openapi({ description: "Exclusive upper bound (RFC 3339)" }),
  action: z.string().max(100).optional().openapi({ example: "auth.login.succeeded" }),
  actorId: IdField.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema.nullable(),
    chainSeq: z.number().int(),
    prevHash: z.string(),
    hash: z.string(),
    occurredAt: DateTimeSchema,
    actorId: IdSchema.nullable(),
    actorType: z.enum(["user", "system", "anonymous"]),
    action: z.string(),
    outcome: z.enum(["success", "failure", "denied"]),
    resourceType: z.string().nullable(),
    resourceId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    traceId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export const AuditPageSchema = pageOf(AuditEntrySchema).openapi("AuditPage");

export const AuditVerificationSchema = z
  .object({
    valid: z.boolean(),
    checked: z.number().int().openapi({ description: "Entries checked, including the broken one" }),
    firstBrokenId: IdSchema.nullable(),
  })
  .openapi("AuditVerification");
