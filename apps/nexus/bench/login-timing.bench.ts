// Login benchmark: enumeration-resistant timing, login throughput against the argon2 ceiling, the
// health endpoint's p99 while logins saturate the CPU, and authenticated GET /auth/me throughput.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/login-timing.bench.ts
//   [--db=pglite|postgres] [--accounts=30] [--seconds=10] [--connections=8]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Prints figures only (tests never assert timings); the targets are shown next to them.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import autocannon from "autocannon";
import { ARGON2_MINIMUM } from "@/contexts/auth/infrastructure/security/argon2.password-hasher";
import { freePort, waitUntil } from "../test/support/spawn-server";
import { BENCH_PASSWORD, post, randomIp, registerVerified, uniqueEmail } from "./lib/bench-accounts";
import { APP_DIR, type BenchServer, BUN, median, startNexus } from "./lib/nexus-server";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const DB = args.get("db") ?? "pglite";
const ACCOUNTS = Number(args.get("accounts") ?? 30);
const SECONDS = Number(args.get("seconds") ?? 10);
const CONNECTIONS = Number(args.get("connections") ?? 8);

const fmt = (n: number, digits = 1) => n.toFixed(digits);

// ── server ───────────────────────────────────────────────────────────────────────────────────────

async function startServer(): Promise<BenchServer> {
  return startNexus({ db: DB });
}

// ── HTTP helpers ─────────────────────────────────────────────────────────────────────────────────

/** One login, timed end to end (connection reused by fetch's keep-alive). */
async function timedLogin(
  url: string,
  email: string,
  password: string,
): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await post(url, "/api/v1/auth/login", { email, password });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const loginStorm = (url: string, seconds: number) =>
  load({
    url: `${url}/api/v1/auth/login`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, "content-type": "application/json", "x-forwarded-for": randomIp() },
          body: JSON.stringify({ email: uniqueEmail("storm"), password: "not-the-password-123" }),
        }),
      },
    ],
  });

// ── measurements ─────────────────────────────────────────────────────────────────────────────────

/** Median ms per argon2id verify with the server's parameters, one at a time, in this process. */
async function argon2VerifyMs(): Promise<number> {
  const params = { ...ARGON2_MINIMUM, algorithm: 2, version: 1 } as const;
  const stored = await hash("bench-password-123", params as never);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    await verify(stored, "not-the-password");
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * Unknown email, wrong password and locked account, interleaved so that drift affects all three
 * alike. Per account: 5 wrong passwords (the fifth locks it), then 4 attempts while locked —
 * 10 requests with the registration, the per-account budget of a minute.
 */
async function enumerationTiming(url: string) {
  const emails = Array.from({ length: ACCOUNTS }, () => uniqueEmail("timing"));
  for (const email of emails) await registerVerified(url, email);
  const samples = { unknown: [] as number[], wrong: [] as number[], locked: [] as number[] };
  const bodies = { unknown: new Set<string>(), wrong: new Set<string>(), locked: new Set<string>() };
  const record = (kind: keyof typeof samples, r: { ms: number; status: number; body: string }) => {
    if (r.status !== 401) throw new Error(`${kind}: expected 401, got ${r.status} ${r.body}`);
    samples[kind].push(r.ms);
    bodies[kind].add(r.body.replace(/"traceId":"[0-9a-f]+"/, ""));
  };
  for (let i = 0; i < 5; i++) await timedLogin(url, uniqueEmail("warmup"), BENCH_PASSWORD); // JIT, pools
  for (const email of emails) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      record("wrong", await timedLogin(url, email, `wrong-password-${attempt}`));
      record("unknown", await timedLogin(url, uniqueEmail("nobody"), BENCH_PASSWORD));
    }
    for (let attempt = 1; attempt <= 4; attempt++) {
      record("locked", await timedLogin(url, email, BENCH_PASSWORD));
      record("unknown", await timedLogin(url, uniqueEmail("nobody"), BENCH_PASSWORD));
    }
  }
  const medians = { unknown: median(samples.unknown), wrong: median(samples.wrong), locked: median(samples.locked) };
  const all = Object.values(medians);
  const spreadPct = ((Math.max(...all) - Math.min(...all)) / Math.min(...all)) * 100;
  const distinctBodies = new Set([...bodies.unknown, ...bodies.wrong, ...bodies.locked]).size;
  return { samples, medians, spreadPct, distinctBodies };
}

async function healthUnderStorm(url: string) {
  const baseline = await load({ url: `${url}/health/live`, connections: 2, duration: Math.max(3, SECONDS / 2) });
  const [storm, health] = await Promise.all([
    loginStorm(url, SECONDS),
    load({ url: `${url}/health/live`, connections: 2, duration: SECONDS }),
  ]);
  return { baseline, storm, health };
}

async function meThroughput(url: string) {
  const email = uniqueEmail("me");
  await registerVerified(url, email);
  const login = (await (await post(url, "/api/v1/auth/login", { email, password: BENCH_PASSWORD })).json()) as {
    accessToken: string;
  };
  const options = {
    url: `${url}/api/v1/auth/me`,
    connections: CONNECTIONS,
    headers: { authorization: `Bearer ${login.accessToken}` },
  };
  await load({ ...options, duration: 2 }); // warm-up
  return load({ ...options, duration: SECONDS });
}

/** The bare Hono app on the same runtime, same connections and duration: the baseline of section 4. */
async function bareBaseline() {
  const port = await freePort();
  const child = spawn(BUN, ["bench/bare-hono.app.ts"], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH ?? "", PORT: String(port) },
    stdio: "ignore",
  });
  try {
    const url = `http://127.0.0.1:${port}/health/live`;
    await waitUntil(async () => (await fetch(url)).status === 200, 30_000, "bare Hono ready");
    await load({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
    return await load({ url, connections: CONNECTIONS, duration: SECONDS });
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

function statusCounts(result: autocannon.Result): Record<string, number> {
  const stats = result.statusCodeStats ?? {};
  return Object.fromEntries(Object.entries(stats).map(([code, { count }]) => [code, count]));
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

const cores = availableParallelism();
console.log(
  `login bench: db=${DB}, ${cores} cores, ${ACCOUNTS} accounts, ${SECONDS} s loads, ${CONNECTIONS} connections`,
);
const verifyMs = await argon2VerifyMs();
const ceiling = cores / (verifyMs / 1000);
const server = await startServer();
try {
  const timing = await enumerationTiming(server.url);
  console.log("\n1. Enumeration resistance (sequential requests, median ms)");
  console.log(`   unknown email   ${fmt(timing.medians.unknown)} ms  (n=${timing.samples.unknown.length})`);
  console.log(`   wrong password  ${fmt(timing.medians.wrong)} ms  (n=${timing.samples.wrong.length})`);
  console.log(`   locked account  ${fmt(timing.medians.locked)} ms  (n=${timing.samples.locked.length})`);
  console.log(
    `   spread (max-min)/min = ${fmt(timing.spreadPct)} %  target < 25 %  ${timing.spreadPct < 25 ? "PASS" : "MISS"}`,
  );
  console.log(`   distinct 401 bodies (trace id removed): ${timing.distinctBodies}  target 1`);

  const { baseline, storm, health } = await healthUnderStorm(server.url);
  const loginRate = storm.requests.average;
  console.log("\n2. Login throughput (unknown emails, unique per request, so no rate limit applies)");
  console.log(
    `   argon2id verify ${fmt(verifyMs)} ms (m=${ARGON2_MINIMUM.memoryCost} KiB, t=${ARGON2_MINIMUM.timeCost})`,
  );
  console.log(`   ceiling = ${cores} cores / ${fmt(verifyMs)} ms = ${fmt(ceiling, 0)} logins/s`);
  console.log(
    `   measured ${fmt(loginRate)} logins/s = ${fmt((loginRate / ceiling) * 100, 0)} % of the ceiling; ` +
      `p50 ${storm.latency.p50} ms, p99 ${storm.latency.p99} ms, statuses ${JSON.stringify(statusCounts(storm))}`,
  );
  console.log("\n3. GET /health/live p99 (2 connections)");
  console.log(`   idle ${baseline.latency.p99} ms (${fmt(baseline.requests.average, 0)} req/s)`);
  console.log(
    `   during the login storm ${health.latency.p99} ms (${fmt(health.requests.average, 0)} req/s, max ${health.latency.max} ms)`,
  );

  const me = await meThroughput(server.url);
  const bare = await bareBaseline();
  console.log(`\n4. Authenticated GET /api/v1/auth/me (${CONNECTIONS} connections) vs bare Hono GET /health/live`);
  console.log(
    `   ${fmt(me.requests.average, 0)} req/s, p50 ${me.latency.p50} ms, p99 ${me.latency.p99} ms, non-2xx ${me.non2xx}`,
  );
  console.log(
    `   bare Hono ${fmt(bare.requests.average, 0)} req/s -> ratio ${fmt(me.requests.average / bare.requests.average, 2)}`,
  );
} finally {
  await server.stop();
}
