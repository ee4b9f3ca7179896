// Harness settings from BENCH_* variables. The harness is an entry point, so it is allowed to read process.env;
// the servers it starts get an environment built from scratch (see server-env.mjs).

const MODES = ["bare", "embedded", "postgres", "pgbench"];

function int(env, name, def, min) {
  const raw = env[name];
  if (raw === undefined || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got "${raw}")`);
  return n;
}

/** "A=1 B=2" (space- or comma-separated) → { A: "1", B: "2" }: extra variables for Nexus, for what-if runs. */
function keyValues(env, name) {
  const pairs = (env[name] ?? "").split(/[\s,]+/).filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new Error(`${name}: expected KEY=VALUE pairs (got "${pair}")`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** @param {Record<string, string | undefined>} env */
export function loadSettings(env) {
  const modes = (env.BENCH_MODES ?? MODES.join(","))
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  const unknown = modes.filter((m) => !MODES.includes(m));
  if (unknown.length > 0) throw new Error(`BENCH_MODES: unknown mode(s) ${unknown.join(", ")}; use ${MODES.join(",")}`);
  return {
    modes,
    durationSeconds: int(env, "BENCH_DURATION", 10, 1),
    warmupSeconds: int(env, "BENCH_WARMUP", 2, 0),
    connections: int(env, "BENCH_CONNECTIONS", 50, 1),
    idleMs: int(env, "BENCH_IDLE_MS", 2000, 0),
    readyTimeoutMs: int(env, "BENCH_READY_TIMEOUT_MS", 60_000, 1000),
    logLevel: env.BENCH_LOG_LEVEL ?? "info",
    postgresUrl: env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    redisUrl: env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
    pgbenchClients: int(env, "BENCH_PGBENCH_CLIENTS", 10, 1),
    nexusEnv: keyValues(env, "BENCH_NEXUS_ENV"),
    path: "/health/live",
  };
}

/** The load targets the issue sets; printed next to the figures, never asserted. */
export const targets = {
  minRatioToBare: 0.6,
  /** The one-query guarded route (GET /organizations) vs pgbench -S on the same PostgreSQL server. */
  minRatioToPgbench: 0.4,
  maxStartupMs: 1500,
  maxIdleRssMb: 200,
};
