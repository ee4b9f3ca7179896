// Login throughput as a fraction of the argon2 ceiling (issue #7 "Measure", target ≥ 0.9).
//   ceiling: argon2id verifies per second in this process, with the server's parameters and as many
//            in flight as the runtime's work pool has threads (where @node-rs/argon2 runs them);
//   logins:  POST /auth/login per second against the running app with N concurrent clients, for
//            unknown emails (the attacker's load: a dummy verify each) and for correct passwords;
//   ratio:   logins / ceiling. Also where the server's CPU went per login: its event loop (HTTP,
//            JSON, the embedded database) and its work pool (argon2), and the load generator's CPU.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/login-throughput.bench.ts
//   [--db=pglite|postgres] [--seconds=10] [--connections=8] [--kinds=unknown,valid]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Prints figures only (tests never assert timings).
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import autocannon from "autocannon";
import { ARGON2_MINIMUM } from "@/contexts/auth/infrastructure/security/argon2.password-hasher";
import { BENCH_PASSWORD, randomIp, registerVerified, uniqueEmail } from "./lib/bench-accounts";
import { startNexus } from "./lib/nexus-server";
import { threadSnapshot, timesSince } from "./lib/thread-cpu";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const DB = args.get("db") ?? "pglite";
const SECONDS = Number(args.get("seconds") ?? 10);
const CONNECTIONS = Number(args.get("connections") ?? 8);
const KINDS = (args.get("kinds") ?? "unknown,valid").split(",") as ("unknown" | "valid")[];
const WARMUP_SECONDS = 5;
const PARAMS = { ...ARGON2_MINIMUM, algorithm: 2, version: 1 } as never;

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const load = () =>
  loadavg()
    .map((l) => fmt(l, 2))
    .join(" ");

/** Threads of `pid` named like a work pool ("Bun Pool 0"; libuv's are "libuv-worker"). */
function poolThreads(pid: number | string): number {
  return readdirSync(`/proc/${pid}/task`).filter((task) => {
    try {
      return /Bun Pool|libuv-worker/i.test(readFileSync(`/proc/${pid}/task/${task}/comm`, "utf8"));
    } catch {
      return false;
    }
  }).length;
}

/** argon2id verifies per second with `concurrency` in flight, over `seconds`. */
async function argon2Rate(concurrency: number, seconds: number): Promise<number> {
  const stored = await hash("bench-password-123", PARAMS);
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await verify(stored, "not-the-password");
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** The pool's size: the pool threads of this process once more verifies are in flight than it could have. */
async function ownPoolSize(): Promise<number> {
  const stored = await hash("bench-password-123", PARAMS);
  const inFlight = Array.from({ length: 16 }, () => verify(stored, "x"));
  const size = poolThreads("self");
  await Promise.all(inFlight);
  return size;
}

function fire(url: string, seconds: number, body: () => string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/api/v1/auth/login`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, "content-type": "application/json", "x-forwarded-for": randomIp() },
              body: body(),
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** CPU seconds (user + system) of the PostgreSQL backends serving `database` (0 without one). */
function backendCpuSeconds(database: string | undefined): number {
  if (!database) return 0;
  let seconds = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(database)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      seconds += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

async function measure(url: string, server: { pid: number; database?: string }, body: () => string, expected: number) {
  await fire(url, WARMUP_SECONDS, body);
  const threadsBefore = threadSnapshot(server.pid);
  const backendBefore = backendCpuSeconds(server.database);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const result = await fire(url, SECONDS, body);
  const elapsed = (performance.now() - started) / 1000;
  const threads = timesSince(server.pid, threadsBefore);
  const backend = backendCpuSeconds(server.database) - backendBefore;
  const own = process.cpuUsage(ownBefore);
  const stats = result.statusCodeStats ?? {};
  const answered = Object.values(stats).reduce((sum, s) => sum + s.count, 0);
  const ok = stats[String(expected)]?.count ?? 0;
  return {
    rate: ok / elapsed,
    logins: ok,
    result,
    threads,
    backend,
    elapsed,
    wrong: answered - ok,
    generator: (own.user + own.system) / 1e6,
  };
}

function report(kind: string, m: Awaited<ReturnType<typeof measure>>): void {
  const per = (seconds: number) => fmt((seconds / Math.max(1, m.logins)) * 1000, 2);
  const { eventLoop, workPool, other } = m.threads;
  console.log(`\n${kind}: ${fmt(m.rate)} logins/s`);
  console.log(
    `   ratio to the ceiling ${fmt(m.rate / ceiling, 2)}  target ≥ 0.90  ${m.rate / ceiling >= 0.9 ? "PASS" : "MISS"}` +
      `   (p50 ${m.result.latency.p50} ms, p99 ${m.result.latency.p99} ms, unexpected statuses ${m.wrong})`,
  );
  console.log(
    `   CPU ms per login: argon2 (work pool) ${per(workPool.running)}, event loop ${per(eventLoop.running)}, ` +
      `GC/JIT threads ${per(other.running)}${m.backend > 0 ? `, PostgreSQL backends ${per(m.backend)}` : ""}, ` +
      `load generator ${per(m.generator)}`,
  );
  const spent = workPool.running + eventLoop.running + other.running + m.backend + m.generator;
  // With every core busy, the ratio cannot exceed argon2's share of the CPU that a login costs.
  console.log(`   argon2's share of that CPU ${fmt(workPool.running / spent, 2)} (the ratio's bound when CPU-bound)`);
  const share = (g: { running: number; waiting: number; threads: number }) => {
    const capacity = m.elapsed * Math.max(1, g.threads);
    const [run, wait] = [g.running / capacity, g.waiting / capacity];
    return `running ${fmt(run * 100, 0)} %, waiting for a CPU ${fmt(wait * 100, 0)} %, idle ${fmt(Math.max(0, 1 - run - wait) * 100, 0)} %`;
  };
  console.log(`   work pool threads: ${share(workPool)}; event loop: ${share(eventLoop)}`);
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

console.log(
  `login throughput bench: db=${DB}, ${availableParallelism()} cores, ${CONNECTIONS} clients, ` +
    `${SECONDS} s loads (+${WARMUP_SECONDS} s warm-up), load average ${load()}`,
);
const pool = await ownPoolSize();
await argon2Rate(pool, 1); // warm-up
const single = await argon2Rate(1, 3);
// Measured before the server starts and again after it stopped (the mean is the ceiling), so a
// neighbour's load that comes or goes during the run weighs on both sides of the ratio alike.
const ceilingBefore = await argon2Rate(pool, 5);
let ceiling = ceilingBefore;

const results: [string, Awaited<ReturnType<typeof measure>>][] = [];
const server = await startNexus({ db: DB });
const pid = server.child.pid as number;
try {
  const accounts: string[] = [];
  if (KINDS.includes("valid")) {
    // The per-account budget is 10 a minute: enough accounts that none is asked more often than that.
    const needed = Math.max(20, Math.ceil((ceiling * (SECONDS + WARMUP_SECONDS)) / 8));
    for (let i = 0; i < needed; i++) accounts.push(uniqueEmail("login"));
    for (const email of accounts) await registerVerified(server.url, email);
  }
  let next = 0;
  const bodies = {
    unknown: () => JSON.stringify({ email: uniqueEmail("nobody"), password: "not-the-password-123" }),
    valid: () => JSON.stringify({ email: accounts[next++ % accounts.length], password: BENCH_PASSWORD }),
  };
  for (const kind of KINDS) {
    const target = { pid, ...(server.database === undefined ? {} : { database: server.database }) };
    const m = await measure(server.url, target, bodies[kind], kind === "valid" ? 200 : 401);
    results.push([kind === "valid" ? "correct passwords" : "unknown emails", m]);
  }
  console.log(`\n   server work pool: ${poolThreads(pid)} threads; load average after ${load()}`);
} finally {
  await server.stop();
}
const ceilingAfter = await argon2Rate(pool, 5);
console.log(
  `\nargon2id verify (m=${ARGON2_MINIMUM.memoryCost} KiB, t=${ARGON2_MINIMUM.timeCost}, p=1) in this process: ` +
    `${fmt(single)}/s one at a time; with ${pool} in flight (work pool: ${pool} threads) ` +
    `${fmt(ceilingBefore)}/s before the server, ${fmt(ceilingAfter)}/s after`,
);
ceiling = (ceilingBefore + ceilingAfter) / 2;
console.log(`ceiling ${fmt(ceiling)}/s; load average ${load()}`);
for (const [kind, m] of results) report(kind, m);
