import { z } from "@hono/zod-openapi";
import { Uuid } from "@/shared/domain/uuid.value-object";

/** Schemas every context answers with. Times are RFC 3339 UTC strings, ids UUIDv7 (spec §3). */
export const IdSchema = z.string().openapi({ format: "uuid", example: "01937a4c-5f1e-7c3a-9d2b-6e8f0a1b2c3d" });
export const DateTimeSchema = z.string().openapi({ format: "date-time", example: "2026-01-31T09:30:00.000Z" });
/** An id in a request body: a UUIDv7 (then read it with `toUuid`). */
export const IdField = IdSchema.refine((v) => Uuid.parse(v).ok, { message: "must be a UUIDv7" });

/** `{ items, nextCursor }` of spec §3; lists that fit in one page answer `nextCursor: null`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** `?limit=` (default 50, max 200) and `?cursor=` (opaque, issued by the API). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

/** The validated `?limit=&cursor=` as the application's page request (no cursor = first page). */
export const pageRequest = (query: z.infer<typeof PageQuerySchema>) => ({
  limit: query.limit,
  cursor: query.cursor ?? null,
});

/**
 * Path parameters that name resources by id (`{id}`, `{productId}`…). Any string up to 64 characters
 * passes here: the handler reads it with `parsePathId` and answers 404 for one that is not a UUIDv7,
 * as for another tenant's id (spec §3).
 */
export const pathIdParams = <const K extends string>(...names: K[]) =>
  z.object(
    Object.fromEntries(
      names.map((name) => [
        name,
        z
          .string()
          .max(64)
          .openapi({ param: { name, in: "path" }, format: "uuid" }),
      ]),
    ) as Record<K, z.ZodString>,
  );
