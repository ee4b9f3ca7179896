// BI benchmark (issue 12, Measure): KPI and monthly time-series latency over two years of daily facts
// for 500 products (and whether it grows with the number of invoices), projection lag under a
// sustained event rate, and rebuild time for N events.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/bi.bench.ts [--db=postgres|pglite]
//   [--products=500] [--queries=300] [--rate=200] [--seconds=15] [--orgs=1,20] [--rebuild=100000] [--skip-queries]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Prints figures only; targets (p99 < 50 ms) are shown, never asserted.
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { ApplyEventUseCase } from "@/contexts/bi/application/use-cases/apply-event.use-case";
import { GetKpisUseCase } from "@/contexts/bi/application/use-cases/get-kpis.use-case";
import { GetProductRankingUseCase } from "@/contexts/bi/application/use-cases/get-product-ranking.use-case";
import { GetTimeSeriesUseCase } from "@/contexts/bi/application/use-cases/get-time-series.use-case";
import { subscribeBiProjections } from "@/contexts/bi/infrastructure/events/bi-event-subscriptions";
import { DrizzleFactsReader } from "@/contexts/bi/infrastructure/persistence/drizzle.facts-reader";
import { DrizzleProjectionStore } from "@/contexts/bi/infrastructure/persistence/drizzle.projection-store";
import { createProjectionsRebuild } from "@/contexts/bi/infrastructure/register-bi";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { loadConfig } from "@/shared/infrastructure/config/load-config";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { createEventBus } from "@/shared/infrastructure/events/create-event-bus";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { testAuditKeys } from "../test/support/test-audit-keys";
import { type BenchDb, withBenchDatabase } from "./lib/bench-database";
import { offerAtRate } from "./lib/offered-rate";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const DB = (args.get("db") ?? "postgres") as BenchDb;
const PRODUCTS = Number(args.get("products") ?? 500);
const QUERIES = Number(args.get("queries") ?? 300);
const RATE = Number(args.get("rate") ?? 200);
const SECONDS = Number(args.get("seconds") ?? 15);
const REBUILD = Number(args.get("rebuild") ?? 100_000);
/** Organizations the lag runs spread their events over: one (all events contend for its rows), then many. */
const ORGS = (args.get("orgs") ?? "1,20").split(",").map(Number);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Two years of facts: one row per day and per (day, product), as the projection would leave them. */
async function seedFacts(client: DatabaseClient, org: string, invoicesPerDay: number): Promise<void> {
  await client.db.execute(sql`
    insert into bi.daily_facts (organization_id, day, revenue_net, tax, units_sold, units_produced, production_cost, cost_of_goods_sold, invoice_count)
    select ${org}::uuid, d::date, 100000 + (random() * 50000)::int, 23000, 400.5, 420, 30000, 40000, ${invoicesPerDay}
    from generate_series(date '2025-01-01', date '2026-12-31', interval '1 day') d`);
  await client.db.execute(sql`
    insert into bi.daily_product_facts (organization_id, day, product_id, revenue_net, tax, units_sold, units_produced, production_cost, cost_of_goods_sold)
    select ${org}::uuid, d::date, ('0190f0c4-0000-7000-8000-' || lpad(to_hex(p), 12, '0'))::uuid,
           (random() * 1000)::int, 46, 1.5, 2, 60, 80
    from generate_series(date '2025-01-01', date '2026-12-31', interval '1 day') d, generate_series(1, ${PRODUCTS}) p`);
  await client.db.execute(sql`analyze bi.daily_facts`);
  await client.db.execute(sql`analyze bi.daily_product_facts`);
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} p50 ${ms(percentile(samples, 0.5))}  p99 ${ms(percentile(samples, 0.99))}`);
}

async function queries(client: DatabaseClient): Promise<void> {
  const reader = new DrizzleFactsReader(client);
  const deps = { reader, clock: { now: () => new Date("2026-12-31T12:00:00Z") }, audit: { record: async () => {} } };
  for (const invoicesPerDay of [10, 1000]) {
    const org = randomUUID();
    await seedFacts(client, org, invoicesPerDay);
    console.log(
      `${DB}: 2 years × ${PRODUCTS} products of facts, ${invoicesPerDay} invoices/day (${invoicesPerDay * 730} invoices)`,
    );
    const year = { from: "2026-01-01", to: "2026-12-31" };
    await time("GET /bi/kpis (a year)", () => new GetKpisUseCase(deps).execute({ organizationId: org, ...year }));
    await time("GET /bi/timeseries month × 12 (a year)", () =>
      new GetTimeSeriesUseCase(deps).execute({
        organizationId: org,
        actorId: null,
        metric: "revenueNet",
        granularity: "month",
        ...year,
      }),
    );
    await time("GET /bi/products/ranking (a month)", () =>
      new GetProductRankingUseCase(deps).execute({
        organizationId: org,
        actorId: null,
        by: "revenue",
        limit: 10,
        from: "2026-12-01",
        to: "2026-12-31",
      }),
    );
  }
}

const looseContract = (type: string) => ({ type, version: 1, schema: z.looseObject({}) });

function invoicePayload(day: string) {
  const product = `0190f0c4-0000-7000-8000-${String(1 + Math.floor(Math.random() * PRODUCTS)).padStart(12, "0")}`;
  return {
    invoiceId: randomUUID(),
    number: "2026-000001",
    issueDate: day,
    currency: "EUR",
    customer: { name: "Bench", taxId: null },
    lines: [
      {
        lineNumber: 1,
        productId: product,
        productName: "Bread",
        sku: "BRD",
        unit: "unit",
        quantity: "2.5",
        unitPrice: 400,
        net: 1000,
        tax: 230,
        taxes: [{ code: "VAT", rateBasisPoints: 2300, amount: 230 }],
      },
    ],
    totals: { net: 1000, tax: 230, gross: 1230 },
  };
}

/** Projection lag (commit → BI's handler committed) at RATE events/s spread over `orgs` organizations. */
async function lag(client: DatabaseClient, orgs: number): Promise<void> {
  const logger = createLogger(loadConfig({ LOG_LEVEL: "silent" }));
  const uow = new DrizzleUnitOfWork(client);
  const bus = createEventBus({ client, uow, config: loadConfig({ OUTBOX_POLL_MS: "50" }), logger });
  subscribeBiProjections(bus.dispatcher, new ApplyEventUseCase({ store: new DrizzleProjectionStore(client) }));
  // Runs after BI's handler has committed (consumers run in subscription order). A batch consumer, so
  // the probe costs one small transaction per delivery, not one per event like a real consumer would.
  const lags: number[] = [];
  bus.dispatcher.subscribeBatch(
    "bench.probe",
    [looseContract("tax.invoice.issued.v1")],
    async (events) => {
      const now = Date.now();
      for (const event of events) lags.push(now - Date.parse(event.occurredAt));
    },
    () => "all",
  );
  await bus.start();
  const organizations = Array.from({ length: orgs }, () => randomUUID());
  const total = RATE * SECONDS;
  // Publishers do not wait for each other (a pool of connections), so the offered rate holds.
  const { achievedPerSecond } = await offerAtRate(RATE, total, (i) => {
    const payload = invoicePayload(`2026-${String(1 + (i % 12)).padStart(2, "0")}-15`);
    return bus.uow.transaction(() =>
      bus.outbox.publish(looseContract("tax.invoice.issued.v1"), {
        organizationId: organizations[i % orgs] as Uuid,
        aggregateId: payload.invoiceId as Uuid,
        payload,
        occurredAt: Timestamp.now(),
      }),
    );
  });
  const drainStarted = Date.now();
  const deadline = Date.now() + 120_000;
  while (lags.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const applyRate = total / ((Date.now() - drainStarted) / 1000 + SECONDS);
  await bus.stop();
  const sorted = [...lags].sort((a, b) => a - b);
  console.log(
    `${DB}: projection lag, ${RATE} ev/s for ${SECONDS} s over ${orgs} organization(s): ${lags.length}/${total} applied ` +
      `(offered ${achievedPerSecond.toFixed(0)}/s, applied ≈${applyRate.toFixed(0)}/s)  ` +
      `p50 ${ms(percentile(sorted, 0.5))}  p99 ${ms(percentile(sorted, 0.99))}  max ${ms(sorted.at(-1) ?? 0)}`,
  );
}

async function rebuildTime(client: DatabaseClient): Promise<void> {
  // Rebuild: REBUILD invoice events of one organization, written straight into the log.
  const rebuildOrg = randomUUID();
  const batch = 5000;
  for (let i = 0; i < REBUILD; i += batch) {
    const rows = Array.from({ length: Math.min(batch, REBUILD - i) }, (_, k) => {
      const payload = invoicePayload(
        `2026-${String(1 + ((i + k) % 12)).padStart(2, "0")}-${String(1 + ((i + k) % 28)).padStart(2, "0")}`,
      );
      return { id: randomUUID(), payload };
    });
    await client.db.execute(sql`
      insert into platform.outbox_events (id, type, version, organization_id, aggregate_id, occurred_at, payload, status)
      select (r->>'id')::uuid, 'tax.invoice.issued.v1', 1, ${rebuildOrg}::uuid, (r->'payload'->>'invoiceId')::uuid, now(), r->'payload', 'delivered'
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r`);
  }
  const rebuild = createProjectionsRebuild(client, testAuditKeys);
  const t0 = performance.now();
  const report = await rebuild.execute({ organizationId: rebuildOrg, actorId: null });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${DB}: rebuild of ${report.eventsApplied} events: ${seconds.toFixed(1)} s (${(report.eventsApplied / seconds).toFixed(0)} events/s)`,
  );
}

console.log(
  `${cpus().length} CPUs; load average ${(loadavg()[0] ?? 0).toFixed(1)} at start (others running skew the figures)`,
);
await withBenchDatabase(DB, "bi", async (client) => {
  if (!args.has("skip-queries")) await queries(client);
  for (const orgs of ORGS) await lag(client, orgs);
  await rebuildTime(client);
});
console.log(`load average ${(loadavg()[0] ?? 0).toFixed(1)} at the end`);
process.exit(0);
