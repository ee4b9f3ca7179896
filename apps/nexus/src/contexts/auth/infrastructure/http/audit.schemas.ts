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
    reason: z
      .enum(["broken-link", "not-keyed", "unsealed", "truncated", "anchor-mismatch"])
      .nullable()
      .openapi({ description: "Why the chain is broken (ADR 0015); null when valid" }),
  })
  .openapi("AuditVerification");

export const AuditVerifyQuerySchema = z
  .object({
    anchorSeq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({
      description: "chainSeq of a head recorded earlier (GET /audit/head); with anchorHash",
    }),
    anchorHash: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional()
      .openapi({ description: "The hash recorded with anchorSeq: a cut tail or a changed entry is reported" }),
  })
  .refine((q) => (q.anchorSeq === undefined) === (q.anchorHash === undefined), {
    message: "anchorSeq and anchorHash go together",
    path: ["anchorHash"],
  });

export const AuditChainHeadSchema = z
  .object({
    organizationId: IdSchema.nullable(),
    chainSeq: z.number().int().openapi({ description: "0 for a chain without entries" }),
    hash: z.string().openapi({ description: "Keyed hash (HMAC-SHA256, hex) of the newest entry" }),
    occurredAt: DateTimeSchema.nullable(),
  })
  .openapi("AuditChainHead");
