import { defineConfig } from "drizzle-kit";

// One schema definition and one migration history for both PGlite and PostgreSQL.
// schemas.ts is listed so drizzle-kit's snapshot knows the five PostgreSQL schemas (created by
// migration 0000) and never emits CREATE SCHEMA again. See drizzle/README.md.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/shared/infrastructure/database/schemas.ts", "./src/**/*.table.ts"],
  out: "./drizzle",
});
