import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { withDatabaseErrors } from "./database.errors";
import { type DatabaseClient, queryRows } from "./database-client";
import { MIGRATIONS_FOLDER } from "./migrate";

/**
 * - `applied`: recorded, and the file still hashes to what was applied;
 * - `changed`: recorded, but the file was edited since (never edit a committed migration);
 * - `pending`: not recorded yet; `migrate` will apply it;
 * - `skipped`: not recorded, yet older than the last applied one — drizzle's migrator never applies it;
 * - `unknown`: recorded, but no file has that timestamp (a newer release's migration, or a deleted file).
 */
export type MigrationState = "applied" | "changed" | "pending" | "skipped" | "unknown";

export interface MigrationStatus {
  readonly name: string;
  readonly state: MigrationState;
  /** When it was generated (the journal's `when`), which drizzle also records as the applied row's key. */
  readonly createdAt: number;
}

interface JournalEntry {
  readonly tag: string;
  readonly when: number;
}

/** Files (hashed as drizzle's migrator hashes them) against `drizzle.__drizzle_migrations`. */
export async function migrationStatus(client: DatabaseClient, folder = MIGRATIONS_FOLDER): Promise<MigrationStatus[]> {
  const journal = JSON.parse(await readFile(join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  const files = await Promise.all(
    journal.entries.map(async (entry) => ({
      name: entry.tag,
      createdAt: entry.when,
      hash: createHash("sha256")
        .update(await readFile(join(folder, `${entry.tag}.sql`), "utf8"))
        .digest("hex"),
    })),
  );
  const applied = await appliedMigrations(client);
  const lastApplied = Math.max(0, ...applied.map((row) => row.createdAt));
  const byTime = new Map(applied.map((row) => [row.createdAt, row.hash]));
  const statuses: MigrationStatus[] = files.map((file) => {
    const hash = byTime.get(file.createdAt);
    const state: MigrationState =
      hash === undefined
        ? file.createdAt <= lastApplied
          ? "skipped"
          : "pending"
        : hash === file.hash
          ? "applied"
          : "changed";
    return { name: file.name, state, createdAt: file.createdAt };
  });
  const known = new Set(files.map((file) => file.createdAt));
  for (const row of applied) {
    if (!known.has(row.createdAt))
      statuses.push({ name: `(id ${row.id})`, state: "unknown", createdAt: row.createdAt });
  }
  return statuses.sort((a, b) => a.createdAt - b.createdAt);
}

async function appliedMigrations(client: DatabaseClient): Promise<{ id: number; hash: string; createdAt: number }[]> {
  return withDatabaseErrors(async () => {
    const [exists] = await queryRows<{ table: string | null }>(
      client.db,
      sql`select to_regclass('drizzle.__drizzle_migrations')::text as table`,
    );
    if (!exists?.table) return []; // a database never migrated
    const rows = await queryRows<{ id: number; hash: string; created_at: string | number }>(
      client.db,
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at`,
    );
    return rows.map((row) => ({ id: Number(row.id), hash: row.hash, createdAt: Number(row.created_at) }));
  });
}
