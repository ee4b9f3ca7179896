// HTTP benchmark harness: loads a bare Hono app and Nexus (embedded, and PostgreSQL + Redis) in turn, in the same
// run and on the same runtime, and prints req/s, p50, p99, the ratio to the bare app, start-up time and idle RSS;
// then the guarded routes (GET /auth/me, GET /organizations) against bare Hono and pgbench -S on the same server.
// Usage (from apps/nexus): npm run bench     Settings: see bench/README.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { measureServer } from "./lib/measure.mjs";
import { pgbenchSelectOnly } from "./lib/pgbench.mjs";
import { createThrowawayDatabase } from "./lib/postgres-db.mjs";
import { installCleanup, runToCompletion } from "./lib/processes.mjs";
import { evaluate, printReport, writeResults } from "./lib/report.mjs";
import { APP_DIR, BUN, bareHono, migrateArgs, nexus } from "./lib/servers.mjs";
import { loadSettings } from "./lib/settings.mjs";

installCleanup();
const settings = loadSettings(process.env);
const runDir = mkdtempSync(join(tmpdir(), "nexus-bench-"));
const progress = (message) => process.stderr.write(`[bench] ${message}\n`);

function requireMain() {
  if (!existsSync(join(APP_DIR, "src/app/main.ts"))) throw new Error("src/app/main.ts does not exist yet");
}

async function runBare() {
  return measureServer(bareHono(), settings, runDir);
}

async function runEmbedded() {
  requireMain();
  const spec = nexus({
    mode: "embedded",
    label: "Nexus embedded (PGlite)",
    dataDir: join(runDir, "embedded-data"),
    logLevel: settings.logLevel,
    extraEnv: { ...GUARDED_ENV, ...settings.nexusEnv },
  });
  return measureServer(spec, settings, runDir);
}

async function runPostgres() {
  requireMain();
  const db = await createThrowawayDatabase(settings.postgresUrl);
  try {
    const spec = nexus({
      mode: "postgres",
      label: "Nexus PostgreSQL + Redis",
      dataDir: join(runDir, "postgres-data"),
      logLevel: settings.logLevel,
      databaseUrl: db.url,
      extraEnv: {
        ...GUARDED_ENV,
        REDIS_URL: settings.redisUrl,
        REDIS_KEY_PREFIX: `${db.name}:`,
        ...settings.nexusEnv,
      },
    });
    progress(`migrating ${db.name}`);
    await runToCompletion(BUN, migrateArgs(), { cwd: APP_DIR, env: spec.env(0), timeoutMs: 60_000 });
    return await measureServer(spec, settings, runDir);
  } finally {
    await db.drop().catch((error) => progress(`could not drop ${db.name}: ${error.message}`));
  }
}

/** pgbench -S against the same PostgreSQL server: the ceiling of a one-query route (settings.pgbenchClients). */
async function runPgbench() {
  const result = await pgbenchSelectOnly(settings.postgresUrl, {
    clients: settings.pgbenchClients,
    seconds: settings.durationSeconds,
  });
  return { mode: "pgbench", label: "pgbench -S", ...result };
}

// One caller hammers the API from one address: the per-IP API quota (a Redis round trip of its own, not the
// guard's) is off, as in the login benchmark.
const GUARDED_ENV = { API_RATE_LIMIT_PER_MINUTE: "0" };

const runners = { bare: runBare, embedded: runEmbedded, postgres: runPostgres, pgbench: runPgbench };
const labels = {
  bare: "bare Hono (Bun.serve)",
  embedded: "Nexus embedded (PGlite)",
  postgres: "Nexus PostgreSQL + Redis",
  pgbench: "pgbench -S",
};

const startedAt = performance.now();
const loadBefore = loadavg()[0];
const results = [];
for (const mode of settings.modes) {
  progress(`${labels[mode]}: starting`);
  try {
    const result = await runners[mode]();
    progress(`${labels[mode]}: ${Math.round(result.reqPerSec ?? result.tps)} ${mode === "pgbench" ? "tps" : "req/s"}`);
    results.push(result);
  } catch (error) {
    progress(`${labels[mode]}: failed`);
    results.push({ mode, label: labels[mode], error: error instanceof Error ? error.message : String(error) });
  }
}

const evaluated = evaluate(results);
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  node: process.version,
  bun: execFileSync(BUN, ["--version"]).toString().trim(),
  // Other work on the machine skews the figures; the 1-minute load average before and after shows if there was any.
  loadAverage: { before: loadBefore, after: loadavg()[0] },
};
printReport(evaluated, settings);
const file = writeResults(evaluated, { ...settings, machine, wallSeconds: (performance.now() - startedAt) / 1000 });
console.log(
  `\n${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, bun ${machine.bun}; ` +
    `load average ${loadBefore.toFixed(2)} before, ${machine.loadAverage.after.toFixed(2)} after; ` +
    `whole run ${((performance.now() - startedAt) / 1000).toFixed(0)} s.\nResults: ${file}`,
);

const failed = results.some((r) => r.error);
if (failed) console.log(`Server logs kept in ${runDir}`);
else rmSync(runDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
