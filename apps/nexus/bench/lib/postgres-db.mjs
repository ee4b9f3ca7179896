// A throw-away PostgreSQL database for one harness run: created before the postgres mode, dropped after.
import postgres from "postgres";

/** Creates the database; resolves with its URL and a `drop()` that removes it (forcing out leftover sessions). */
export async function createThrowawayDatabase(adminUrl) {
  const name = `nexus_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}
