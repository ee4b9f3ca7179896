import { z } from "@hono/zod-openapi";
import { DateTimeSchema, IdSchema } from "@/shared/infrastructure/http/common.schemas";
import { ROLES } from "../../contracts/caller";

/** Schemas several auth resources answer with (ids, times and pages come from the platform). */
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

export const EmailField = z.string().max(320).openapi({ format: "email", example: "ana@example.com" });
/** Length rules (12–128, not common) are the domain's; this only bounds what we are willing to hash. */
export const PasswordField = z
  .string()
  .min(1)
  .max(1024)
  .openapi({ format: "password", example: "correct horse battery staple" });
export const OneTimeTokenField = z.string().min(1).max(512).openapi({ description: "The token from the mailed link" });
