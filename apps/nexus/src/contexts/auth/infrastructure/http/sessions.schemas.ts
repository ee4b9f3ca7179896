import { z } from "@hono/zod-openapi";
import { DateTimeSchema, IdSchema, pageOf } from "@/shared/infrastructure/http/common.schemas";

export const SessionSchema = z
  .object({
    id: IdSchema,
    createdAt: DateTimeSchema,
    lastUsedAt: DateTimeSchema,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean().openapi({ description: "True for the session of the token that asked" }),
  })
  .openapi("Session");

export const SessionPage = pageOf(SessionSchema).openapi("SessionPage");

export const SessionIdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});
