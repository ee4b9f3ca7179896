import { z } from "@hono/zod-openapi";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { ROLES } from "../../contracts/caller";

/** Schemas several auth resources answer with. Times are RFC 3339 UTC strings, ids UUIDv7. */
export const IdSchema = z.string().openapi({ format: "uuid", example: "01937a4c-5f1e-7c3a-9d2b-6e8f0a1b2c3d" });
export const DateTimeSchema = z.string().openapi({ format: "date-time", example: "2026-01-31T09:30:00.000Z" });
/** An id in a request body: a UUIDv7 (controllers then read it as `Uuid`). */
export const IdField = IdSchema.refine((v) => Uuid.parse(v).ok, { message: "must be a UUIDv7" });
export const RoleSchema = z.enum(ROLES).openapi("Role");

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string().openapi({ format: "email" }),
    name: z.string(),
    emailVerified: z.boolean(),
    createdAt: DateTimeSchema,
  })
  .openapi("User");

export const OrganizationSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    currency: z.string().openapi({ example: "EUR", description: "ISO 4217" }),
    timezone: z.string().openapi({ example: "Europe/Lisbon", description: "IANA time zone" }),
    createdAt: DateTimeSchema,
    role: RoleSchema.openapi({ description: "The caller's role in it" }),
  })
  .openapi("Organization");

export const TokenPairSchema = z
  .object({
    accessToken: z.string().openapi({ description: "JWT (EdDSA); send as `Authorization: Bearer <token>`" }),
    refreshToken: z.string().openapi({ description: "Opaque, single use: keep the one each refresh returns" }),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Seconds until the access token expires" }),
  })
  .openapi("TokenPair");

/** `{ items, nextCursor }` of spec §3; lists that fit in one page answer `nextCursor: null`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

export const EmailField = z.string().max(320).openapi({ format: "email", example: "ana@example.com" });
/** Length rules (12–128, not common) are the domain's; this only bounds what we are willing to hash. */
export const PasswordField = z
  .string()
  .min(1)
  .max(1024)
  .openapi({ format: "password", example: "correct horse battery staple" });
export const OneTimeTokenField = z.string().min(1).max(512).openapi({ description: "The token from the mailed link" });
