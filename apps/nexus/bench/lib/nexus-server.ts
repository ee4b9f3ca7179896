// A Nexus server for the TypeScript benches: `bun src/app/main.ts` on a free loopback port, with a fresh
// DATA_DIR and, for db=postgres, a throw-away database on BENCH_PG_URL (dropped by stop()).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { freePort, waitUntil } from "../../test/support/spawn-server";

export const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const BUN = fileURLToPath(new URL("../../../../node_modules/.bin/bun", import.meta.url));
const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchServer {
  url: string;
  child: ChildProcess;
  /** The throw-away PostgreSQL database (db=postgres). */
  database?: string;
  stop(): Promise<void>;
}

export async function startNexus(options: { db: string; env?: Record<string, string> }): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "nexus-bench-"));
  let dropDatabase = async () => {};
  let database: string | undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "development",
    LOG_LEVEL: "info", // as in production: every request is logged (stdout goes to /dev/null)
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    TRUST_PROXY_HOPS: "1",
    // The blanket per-IP API quota would turn loads into 429s; it is measured off.
    API_RATE_LIMIT_PER_MINUTE: "0",
    ...options.env,
  };
  if (options.db === "postgres") {
    const name = `nexus_bench_${process.pid}_${Date.now()}`;
    database = name;
    const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    env.MIGRATE_ON_START = "true";
    dropDatabase = async () => {
      const sql = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await sql.end();
    };
  }
  const port = await freePort();
  env.PORT = String(port);
  env.PUBLIC_BASE_URL = `http://127.0.0.1:${port}`;
  const child = spawn(BUN, ["src/app/main.ts"], { cwd: APP_DIR, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/health/ready`)).status === 200, 60_000, `server ready ${stderr}`);
  return {
    url,
    child,
    ...(database === undefined ? {} : { database }),
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const median = (xs: readonly number[]): number => percentile(xs, 50);

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}
