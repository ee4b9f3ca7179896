import { pgSchema } from "drizzle-orm/pg-core";

/**
 * One PostgreSQL schema per bounded context, plus `platform` for shared plumbing (outbox, audit…).
 * The schemas themselves are created by the first migration; table files only reference them:
 * `export const users = auth.table("users", { ...baseColumns(), … })`.
 */
export const platform = pgSchema("platform");
export const auth = pgSchema("auth");
export const production = pgSchema("production");
export const tax = pgSchema("tax");
export const bi = pgSchema("bi");

// Aliases for files where the short name would shadow a local (e.g. a `production` variable).
export {
  auth as authSchema,
  bi as biSchema,
  platform as platformSchema,
  production as productionSchema,
  tax as taxSchema,
};
