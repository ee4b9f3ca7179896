import { z } from "@hono/zod-openapi";
import { Timestamp } from "@/shared/domain/timestamp.value-object";

/**
 * An RFC 3339 date-time with an offset, in years 0001–9999 (what PostgreSQL can store), for query
 * strings and bodies. Parse it with `Timestamp.parse` once validated.
 */
export const InstantField = z
  .string()
  .max(64)
  .refine((value) => Timestamp.parse(value).ok, { message: "must be an RFC 3339 date-time in years 0001–9999" })
  .openapi({ format: "date-time", example: "2026-01-31T09:30:00Z" });
