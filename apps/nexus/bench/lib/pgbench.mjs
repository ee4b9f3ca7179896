// pgbench -S (one primary-key SELECT per transaction) against the PostgreSQL server Nexus used, in the same
// run: the ceiling a one-query route is compared with. A throw-away database, initialised at scale 1.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createThrowawayDatabase } from "./postgres-db.mjs";

const run = promisify(execFile);

/** Resolves with { tps, clients, threads, seconds } or rejects when pgbench is missing or fails. */
export async function pgbenchSelectOnly(adminUrl, { clients, seconds }) {
  const db = await createThrowawayDatabase(adminUrl);
  try {
    await run("pgbench", ["-i", "-s", "1", "-q", db.url], { timeout: 120_000 });
    const threads = 2;
    const { stdout } = await run(
      "pgbench",
      ["-S", "-n", "-c", String(clients), "-j", String(threads), "-T", String(seconds), db.url],
      { timeout: (seconds + 60) * 1000 },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`unexpected pgbench output:\n${stdout}`);
    return { tps, clients, threads, seconds };
  } finally {
    await db.drop().catch(() => {});
  }
}
