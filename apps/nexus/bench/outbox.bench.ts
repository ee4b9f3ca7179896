// Outbox end-to-end benchmark: sustained events/s and commit→handler latency (p50/p99) at a fixed rate.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/outbox.bench.ts [--db=pglite|postgres|all]
//   [--transport=in-process|sqs|all] [--rate=500] [--seconds=10] [--burst=5000] [--aggregates=100]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// SQS: SQS_ENDPOINT when set, else an embedded fauxqs (in this process, so it shares the CPU).
// Prints figures only; the target (PostgreSQL in-process p99 < 100 ms) is shown, never asserted.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { startFauxqs } from "fauxqs";
import { z } from "zod";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { createEventBus } from "@/shared/infrastructure/events/create-event-bus";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { type BenchDb, withBenchDatabase } from "./lib/bench-database";
import { offerAtRate } from "./lib/offered-rate";

type DbKind = BenchDb;
type TransportKind = "in-process" | "sqs";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const pick = <T extends string>(name: string, all: readonly T[]): T[] => {
  const v = args.get(name) ?? "all";
  return v === "all" ? [...all] : (v.split(",") as T[]);
};
const RATE = Number(args.get("rate") ?? 500);
const SECONDS = Number(args.get("seconds") ?? 10);
const BURST = Number(args.get("burst") ?? 5000);
const AGGREGATES = Number(args.get("aggregates") ?? 100);

const contract = { type: "bench.tick.v1", version: 1, schema: z.object({ i: z.number().int() }) };

interface Figures {
  db: DbKind;
  transport: TransportKind;
  sustained: number;
  rateAchieved: number;
  p50: number;
  p99: number;
  max: number;
  events: number;
}

async function measure(db: DbKind, transport: TransportKind, sqsEndpoint: string | undefined): Promise<Figures> {
  return withBenchDatabase(db, "outbox", async (client) => {
    const uow = new DrizzleUnitOfWork(client);
    const config = loadConfig({
      ...(transport === "sqs" ? { SQS_ENDPOINT: sqsEndpoint } : {}),
      SQS_QUEUE_NAME: `nexus-bench-${randomBytes(4).toString("hex")}`,
      OUTBOX_POLL_MS: "250",
    });
    const bus = createEventBus({ client, uow, config, logger: createLogger({ LOG_LEVEL: "warn" }) });
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    let handled = 0;
    bus.dispatcher.subscribe("bench.recorder", contract, async (event) => {
      const t = committedAt.get(event.id);
      handled++;
      if (t !== undefined) latencies.push(performance.now() - t);
    });
    await bus.start();
    try {
      const aggregates = Array.from({ length: AGGREGATES }, () => Uuid.generate());
      const publish = async (i: number, record: boolean) => {
        const aggregateId = aggregates[i % aggregates.length] as Uuid;
        await bus.uow.transaction(async () => {
          const event = await bus.outbox.publish(contract, { organizationId: null, aggregateId, payload: { i } });
          // Taken as late as the transaction lets us: commit time is included in the latency.
          if (record) committedAt.set(event.id, performance.now());
        });
      };

      // 1. Sustained throughput: commit a burst as fast as 8 writers can, time until the last handler ran.
      const burstStart = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < BURST) await publish(next++, false);
        }),
      );
      await waitFor(() => handled >= BURST, 300_000);
      const sustained = BURST / ((performance.now() - burstStart) / 1000);

      // 2. Latency at a fixed rate, in concurrent transactions like real requests.
      handled = 0;
      const total = RATE * SECONDS;
      const { achievedPerSecond: rateAchieved } = await offerAtRate(RATE, total, (i) => publish(BURST + i, true));
      await waitFor(() => handled >= total, 120_000);
      latencies.sort((a, b) => a - b);
      const q = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
      return {
        db,
        transport,
        sustained,
        rateAchieved,
        p50: q(0.5),
        p99: q(0.99),
        max: latencies.at(-1) ?? Number.NaN,
        events: latencies.length,
      };
    } finally {
      await bus.stop();
    }
  });
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for deliveries");
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main(): Promise<void> {
  const dbs = pick<DbKind>("db", ["pglite", "postgres"]);
  const transports = pick<TransportKind>("transport", ["in-process", "sqs"]);
  let fauxqs: Awaited<ReturnType<typeof startFauxqs>> | undefined;
  let sqsEndpoint = process.env.SQS_ENDPOINT;
  if (transports.includes("sqs") && !sqsEndpoint) {
    fauxqs = await startFauxqs({ port: 0, logger: false });
    sqsEndpoint = `http://127.0.0.1:${fauxqs.port}`;
  }
  const rows: Figures[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  try {
    for (const db of dbs) {
      for (const transport of transports) {
        process.stderr.write(`[outbox-bench] ${db} / ${transport} …\n`);
        rows.push(await measure(db, transport, sqsEndpoint));
      }
    }
  } finally {
    await fauxqs?.stop();
  }
  const f = (n: number, d = 1) => n.toFixed(d).padStart(8);
  console.log(
    `\nOutbox end-to-end (Bun ${Bun.version}; burst ${BURST} events, then ${RATE}/s for ${SECONDS} s over ${AGGREGATES} aggregates)`,
  );
  console.log(
    `${cpus().length} CPUs; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after (others running skew the figures)`,
  );
  console.log("db        transport    sustained ev/s   rate ev/s   p50 ms   p99 ms   max ms   target");
  for (const r of rows) {
    const target =
      r.db === "postgres" && r.transport === "in-process" ? (r.p99 < 100 ? "p99<100 PASS" : "p99<100 MISS") : "";
    console.log(
      `${r.db.padEnd(9)} ${r.transport.padEnd(12)} ${f(r.sustained, 0).padStart(14)} ${f(r.rateAchieved, 0).padStart(11)} ${f(r.p50)} ${f(r.p99)} ${f(r.max)}   ${target}`,
    );
  }
}

await main();
