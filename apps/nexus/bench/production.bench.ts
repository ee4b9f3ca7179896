// Production benchmark (issue 10, Measure). One organization on PostgreSQL holding 10,000 products,
// 50,000 lots and 100,000 orders (seeded in bulk SQL: a fixture), then, through the HTTP API of a real
// server process:
//   - GET /production/orders: the first page and a deep page (keyset: must not grow with depth),
//     unfiltered and filtered by a status;
//   - GET /production/lots/{id}/trace (JSON and CSV) for an ingredient lot used in 1,000 orders;
//   - POST /production/orders/{id}/complete throughput for a 10-ingredient recipe (FEFO over 20 lots per
//     ingredient, a few of them expired), 1 and 4 clients;
// each beside the bare Hono app (bench/bare-hono.app.ts, GET /health/live) measured the same way in the
// same run. Prints figures only: no targets are asserted.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/production.bench.ts
//   [--samples=300] [--seconds=10] [--explain] [--log-slow=MS] [--scale=0.1]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { freePort, waitUntil } from "../test/support/spawn-server";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const SAMPLES = Number(args.get("samples") ?? 300);
const SECONDS = Number(args.get("seconds") ?? 10);
const EXPLAIN = args.has("explain");
const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const BUN = fileURLToPath(new URL("../../../node_modules/.bin/bun", import.meta.url));
const PASSWORD = "Sourdough-starter-at-4am";
/** --scale=0.1 for a quick try of the harness; the issue's figures are at 1. */
const SCALE = Number(args.get("scale") ?? 1);
const SIZES = {
  ingredients: Math.round(1_000 * SCALE),
  lotsPerIngredient: 20,
  products: Math.round(10_000 * SCALE),
  orders: Math.round(100_000 * SCALE),
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const progress = (message: string) => process.stderr.write(`[production bench] ${message}\n`);

// ── servers ──────────────────────────────────────────────────────────────────────────────────────

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

async function startProcess(script: string, env: Record<string, string>, readyPath: string): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(BUN, [script], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}${readyPath}`)).status === 200, 60_000, `${script} ready ${stderr}`);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const startNexus = (databaseUrl: string) =>
  startProcess(
    "src/app/main.ts",
    {
      NODE_ENV: "development",
      LOG_LEVEL: "info", // as in production: every request is logged (stdout goes to /dev/null)
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      MIGRATE_ON_START: "true",
      TRUST_PROXY_HOPS: "1",
      // One client from one address would hit the blanket per-IP quota: measured off.
      API_RATE_LIMIT_PER_MINUTE: "0",
    },
    "/health/ready",
  );

// ── the caller: an owner acting in an organization of their own, through the API ────────────────

class Api {
  private readonly ip = `10.${randomBytes(3).join(".")}`;
  authorization = "";
  organizationId = "";
  private email = `bench-${randomBytes(4).toString("hex")}@bench.example`;

  constructor(readonly url: string) {}

  async call(path: string, init: { method?: string; json?: unknown; accept?: string } = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers: {
        "x-forwarded-for": this.ip,
        ...(init.json === undefined ? {} : { "content-type": "application/json" }),
        ...(this.authorization ? { authorization: this.authorization } : {}),
        ...(init.accept ? { accept: init.accept } : {}),
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  }

  async expect<T>(status: number, path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
    const response = await this.call(path, init);
    const text = await response.text();
    if (response.status !== status) throw new Error(`${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Registers, verifies (dev mailbox), creates an organization (Pacific/Auckland) and acts in it. */
  async signUp(): Promise<void> {
    await this.expect(202, "/api/v1/auth/register", { json: { email: this.email, password: PASSWORD, name: "Bench" } });
    // Mail leaves through the outbox relay: poll the dev mailbox until the verification arrives.
    let token: string | undefined;
    await waitUntil(
      async () => {
        const mailbox = await this.expect<{ items: { text: string }[] }>(
          200,
          `/dev/mailbox?to=${encodeURIComponent(this.email)}`,
        );
        token = /Your token is:\s*\n(\S+)/.exec(mailbox.items[0]?.text ?? "")?.[1];
        return token !== undefined;
      },
      30_000,
      "the verification mail",
    );
    await this.expect(204, "/api/v1/auth/email/verify", { json: { token } });
    await this.logIn();
    const organization = await this.expect<{ id: string }>(201, "/api/v1/organizations", {
      json: { name: "Bench Bakery", currency: "EUR", timezone: "Pacific/Auckland" },
    });
    this.organizationId = organization.id;
    await this.logIn();
  }

  /** A fresh access token (they live minutes; every phase starts with one). */
  async logIn(): Promise<void> {
    this.authorization = "";
    const login = await this.expect<{ accessToken: string }>(200, "/api/v1/auth/login", {
      json: {
        email: this.email,
        password: PASSWORD,
        ...(this.organizationId ? { organizationId: this.organizationId } : {}),
      },
    });
    this.authorization = `Bearer ${login.accessToken}`;
  }
}

// ── the fixture ──────────────────────────────────────────────────────────────────────────────────

/**
 * Bulk SQL, on one connection (the uuid7 helper lives in its pg_temp). Ids are UUIDv7 in creation order,
 * as the API would give them. Orders by n % 50: 30% completed (each with its product lot), 50% cancelled,
 * 18% planned, 2% in progress (product 1, ten ingredients: the completion load). The first 1,000 completed
 * orders consumed 1 kg of one flour lot (`traced`), and each of their product lots was shipped once.
 * Stock items are derived from the lots and movements, so the ledger is consistent where it is used.
 */
async function seed(sql: postgres.Sql, org: string): Promise<{ traced: string; completionOrders: string[] }> {
  const { ingredients: I, lotsPerIngredient: L, products: P, orders: O } = SIZES;
  const t0 = Date.now() - 400 * 86_400_000;
  await sql.unsafe(`
    create function pg_temp.uuid7(ms bigint) returns uuid language sql volatile as $$
      select (lpad(to_hex(ms), 12, '0') || '7' || substr(md5(random()::text), 1, 3)
              || substr('89ab', 1 + floor(random() * 4)::int, 1) || substr(md5(random()::text), 1, 15))::uuid $$`);
  const step = async (label: string, statement: string) => {
    const started = performance.now();
    await sql.unsafe(statement);
    progress(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  await step(
    "ingredients",
    `create temp table b_ing as select g as n, pg_temp.uuid7(${t0} + g) as id from generate_series(1, ${I}) g;
     insert into production.ingredients (id, organization_id, name, unit, sku, allergens, supplier)
     select id, '${org}', 'Ingredient ' || n, 'kg', 'ING-' || n,
            case when n % 7 = 0 then '{gluten}' else '{}' end::text[], 'Supplier ' || (n % 50) from b_ing`,
  );
  await step(
    "products and recipes",
    `create temp table b_prod as
       select g as n, pg_temp.uuid7(${t0} + 10000 + g) as id, pg_temp.uuid7(${t0} + 10000 + g) as recipe_id
         from generate_series(1, ${P}) g;
     insert into production.products (id, organization_id, name, sku, unit, shelf_life_days, recipe_version)
     select id, '${org}', 'Product ' || n, 'SKU-' || n, 'unit', 3, 1 from b_prod;
     insert into production.recipes (id, created_at, organization_id, product_id, version, yield_milli, items)
     select p.recipe_id, now(), '${org}', p.id, 1, 10000,
            (select jsonb_agg(jsonb_build_object('ingredientId', i.id, 'quantity', '1') order by k)
               from generate_series(0, 9) k join b_ing i on i.n = 1 + ((p.n * 10 + k) % ${I}))
       from b_prod p`,
  );
  // Lots 1-3 of each ingredient expired (with stock left: FEFO must skip them), lot 4 the next to expire.
  await step(
    "ingredient lots",
    `create temp table b_lot as
       select i.id as item_id, i.n as item_n, k, pg_temp.uuid7(${t0} + 100000 + i.n * 100 + k) as id,
              case when k <= 3 then current_date - 10 - k else current_date + 26 + k end as expires_on
         from b_ing i, generate_series(1, ${L}) k;
     insert into production.lots (id, organization_id, item_id, item_kind, code, quantity_milli, total_cost,
                                  remaining_milli, remaining_value, expires_on, received_at, supplier, allergens)
     select id, '${org}', item_id, 'ingredient', 'L-' || item_n || '-' || k, 2000000, 500000,
            case when item_n = 11 and k = 4 then 1000000 else 2000000 end,
            case when item_n = 11 and k = 4 then 250000 else 500000 end,
            expires_on, to_timestamp((${t0} + 100000 + item_n * 100 + k) / 1000.0), 'Supplier ' || (item_n % 50), '{}'
       from b_lot`,
  );
  await step(
    "orders and product lots",
    `create temp table b_ord as
       select g as n, pg_temp.uuid7(${t0} + 1000000 + g * 300) as id,
              case when g % 50 < 15 then 'completed' when g % 50 < 40 then 'cancelled'
                   when g % 50 < 49 then 'planned' else 'in_progress' end as status,
              case when g % 50 = 49 then 1 else 1 + g % ${P} end as product_n,
              to_timestamp((${t0} + 1000000 + g * 300) / 1000.0) as at
         from generate_series(1, ${O}) g;
     alter table b_ord add column product_lot_id uuid, add column rank bigint;
     update b_ord set product_lot_id = pg_temp.uuid7(${t0} + 1000000 + n * 300 + 1) where status = 'completed';
     update b_ord o set rank = r.rank from (select n, row_number() over (order by n) as rank from b_ord where status = 'completed') r
      where r.n = o.n;
     insert into production.orders (id, organization_id, product_id, recipe_id, recipe_version, quantity_milli, planned_for,
                                    status, produced_milli, cost, product_lot_id, created_at, started_at, completed_at, cancelled_at)
     select o.id, '${org}', p.id, p.recipe_id, 1, 10000, o.at::date, o.status,
            case when o.status = 'completed' then 10000 end, case when o.status = 'completed' then 2500 end,
            o.product_lot_id, o.at,
            case when o.status in ('in_progress', 'completed') then o.at end,
            case when o.status = 'completed' then o.at end, case when o.status = 'cancelled' then o.at end
       from b_ord o join b_prod p on p.n = o.product_n;
     insert into production.lots (id, organization_id, item_id, item_kind, code, quantity_milli, total_cost, remaining_milli,
                                  remaining_value, expires_on, received_at, order_id, recipe_version, allergens)
     select o.product_lot_id, '${org}', p.id, 'product', 'P-' || o.n, 10000, 2500,
            case when o.rank <= 1000 then 6000 else 10000 end, case when o.rank <= 1000 then 1500 else 2500 end,
            o.at::date + 3, o.at, o.id, 1, '{}'
       from b_ord o join b_prod p on p.n = o.product_n where o.status = 'completed'`,
  );
  await step(
    "ledger, sales and stock items",
    `insert into production.stock_movements (id, organization_id, item_id, item_kind, sequence, lot_id, kind, quantity_milli,
                                             value, balance_milli, balance_value, document_type, document_id, occurred_at)
     select gen_random_uuid(), '${org}', item_id, 'ingredient', k, id, 'receipt', 2000000, 500000, 2000000 * k, 500000 * k,
            'receipt', id, now() from b_lot;
     insert into production.stock_movements (id, organization_id, item_id, item_kind, sequence, lot_id, kind, quantity_milli,
                                             value, balance_milli, balance_value, document_type, document_id, occurred_at)
     select gen_random_uuid(), '${org}', l.item_id, 'ingredient', ${L} + o.rank, l.id, 'consumption', -1000, -250,
            2000000 * ${L} - 1000 * o.rank, 500000 * ${L} - 250 * o.rank, 'order', o.id, o.at
       from b_ord o, b_lot l where o.rank <= 1000 and l.item_n = 11 and l.k = 4;
     create temp table b_out as
       select o.*, p.id as product_id, row_number() over (partition by p.id order by o.n) as seq
         from b_ord o join b_prod p on p.n = o.product_n where o.status = 'completed';
     insert into production.stock_movements (id, organization_id, item_id, item_kind, sequence, lot_id, kind, quantity_milli,
                                             value, balance_milli, balance_value, document_type, document_id, occurred_at)
     select gen_random_uuid(), '${org}', product_id, 'product', seq, product_lot_id, 'output', 10000, 2500,
            10000 * seq, 2500 * seq, 'order', id, at from b_out;
     create temp table b_sale as select o.*, gen_random_uuid() as invoice_id from b_out o where o.rank <= 1000;
     insert into production.sales (invoice_id, organization_id, number, issue_date, customer_name)
     select invoice_id, '${org}', '2026-' || lpad(rank::text, 6, '0'), at::date + 1, 'Customer ' || (rank % 97) from b_sale;
     insert into production.stock_movements (id, organization_id, item_id, item_kind, sequence, lot_id, kind, quantity_milli,
                                             value, balance_milli, balance_value, document_type, document_id, line_number, occurred_at)
     select gen_random_uuid(), '${org}', product_id, 'product', 1000000 + seq, product_lot_id, 'sale', -4000, -1000,
            0, 0, 'invoice', invoice_id, 1, at + interval '1 day' from b_sale;
     insert into production.stock_items (organization_id, item_id, item_kind, quantity_milli, value, shortfall_milli,
                                         shortfall_value, last_sequence)
     select '${org}', l.item_id, min(l.item_kind), sum(l.remaining_milli), sum(l.remaining_value), 0, 0,
            (select max(m.sequence) from production.stock_movements m where m.organization_id = '${org}' and m.item_id = l.item_id)
       from production.lots l where l.organization_id = '${org}' group by l.item_id;
     analyze production.ingredients, production.products, production.recipes, production.lots, production.orders,
             production.stock_movements, production.stock_items, production.sales`,
  );
  const [traced] = await sql<{ id: string }[]>`select id from b_lot where item_n = 11 and k = 4`;
  const completionOrders = await sql<{ id: string }[]>`select id from b_ord where status = 'in_progress' order by n`;
  if (!traced) throw new Error("no traced lot");
  return { traced: traced.id, completionOrders: completionOrders.map((o) => o.id) };
}

// ── measuring ────────────────────────────────────────────────────────────────────────────────────

/** `samples` sequential requests after 20 unrecorded ones: p50 and p99 of the whole round trip. */
async function latency(request: () => Promise<Response>, samples = SAMPLES): Promise<{ p50: number; p99: number }> {
  const once = async () => {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/** `clients` loops for SECONDS, each taking the next piece of work: completed per second, p50, p99. */
async function throughput(clients: number, next: () => (() => Promise<Response>) | null) {
  const times: number[] = [];
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const work = next();
        if (!work) return;
        const t = performance.now();
        const response = await work();
        await response.arrayBuffer();
        if (response.status === 200) times.push(performance.now() - t);
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / elapsed, p50: percentile(times, 0.5), p99: percentile(times, 0.99), failures };
}

const row = (label: string, figures: { p50: number; p99: number }, bare: { p50: number; p99: number }) =>
  console.log(
    `  ${label.padEnd(52)} p50 ${ms(figures.p50).padStart(10)}  p99 ${ms(figures.p99).padStart(10)}` +
      `   (bare Hono p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)})`,
  );

/** Walks a list to its end (200 a page); returns the cursor of its last full page of 50 and the pages walked. */
async function deepCursor(api: Api, query: string): Promise<{ cursor: string; pages: number }> {
  let cursor: string | null = null;
  let previous = "";
  let pages = 0;
  for (;;) {
    const page: { items: unknown[]; nextCursor: string | null } = await api.expect(
      200,
      `/api/v1/production/orders?limit=200${query}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    pages++;
    if (!page.nextCursor) return { cursor: previous, pages };
    previous = cursor ?? "";
    cursor = page.nextCursor;
  }
}

async function explain(sql: postgres.Sql, label: string, statement: string): Promise<void> {
  const plan = await sql.unsafe(`explain (analyze, buffers, costs off) ${statement}`);
  console.log(`  EXPLAIN ${label}`);
  for (const line of plan) console.log(`    ${String(Object.values(line)[0])}`);
}

async function main(): Promise<void> {
  const name = `nexus_production_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  // --log-slow=MS: PostgreSQL logs every statement of this database slower than MS (its server log).
  if (args.has("log-slow"))
    await admin.unsafe(`alter database "${name}" set log_min_duration_statement = ${Number(args.get("log-slow"))}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const servers: Server[] = [];
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const bare = await startProcess("bench/bare-hono.app.ts", {}, "/health/live");
    servers.push(bare);
    const nexus = await startNexus(url.toString());
    servers.push(nexus);
    const api = new Api(nexus.url);
    await api.signUp();
    progress(`seeding ${JSON.stringify(SIZES)} in organization ${api.organizationId}`);
    const started = performance.now();
    const { traced, completionOrders } = await seed(sql, api.organizationId);
    progress(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const load = () =>
      loadavg()
        .map((l) => l.toFixed(1))
        .join(" ");
    console.log(`machine: ${cpus().length} CPUs, load average ${load()} (1, 5, 15 min) before measuring`);
    const [counted] = await sql<{ lots: number }[]>`select count(*)::int as lots from production.lots`;
    const lots = counted?.lots ?? 0;
    const live = () => fetch(`${bare.url}/health/live`);
    const baseline = await latency(live);
    console.log(
      `production on PostgreSQL: ${SIZES.products} products, ${lots} lots, ${SIZES.orders} orders in one organization`,
    );
    console.log(`  bare Hono GET /health/live${" ".repeat(26)} p50 ${ms(baseline.p50)}  p99 ${ms(baseline.p99)}`);

    await api.logIn();
    for (const [label, query] of [
      ["all", ""],
      ["status=planned", "&status=planned"],
      ["status=in_progress", "&status=in_progress"],
    ] as const) {
      const deep = await deepCursor(api, query);
      const path = `/api/v1/production/orders?limit=50${query}`;
      const deepPath = deep.cursor ? `${path}&cursor=${deep.cursor}` : path;
      row(`GET /production/orders ${label}: first page`, await latency(() => api.call(path)), baseline);
      row(
        `GET /production/orders ${label}: deep page (${deep.pages} × 200 deep)`,
        await latency(() => api.call(deepPath)),
        baseline,
      );
    }

    await api.logIn();
    const trace = `/api/v1/production/lots/${traced}/trace`;
    const traced1000 = await api.expect<{ usedIn: unknown[]; shipments: unknown[] }>(200, trace);
    const used = `${traced1000.usedIn.length} orders, ${traced1000.shipments.length} invoices`;
    row(`GET /lots/{id}/trace JSON (${used})`, await latency(() => api.call(trace), 100), baseline);
    row(`GET /lots/{id}/trace CSV`, await latency(() => api.call(trace, { accept: "text/csv" }), 100), baseline);

    await api.logIn();
    const queue = [...completionOrders];
    const complete = () => {
      const id = queue.shift();
      return id
        ? () => api.call(`/api/v1/production/orders/${id}/complete`, { json: { producedQuantity: "10" } })
        : null;
    };
    for (const clients of [1, 4]) {
      const done = await throughput(clients, complete);
      const base = await throughput(clients, () => live);
      console.log(
        `  POST /orders/{id}/complete, 10 ingredients, ${clients} client(s): ${done.perSecond.toFixed(1)}/s ` +
          `p50 ${ms(done.p50)} p99 ${ms(done.p99)}${done.failures ? ` (${done.failures} failed)` : ""}` +
          `   (bare Hono ${base.perSecond.toFixed(0)}/s p50 ${ms(base.p50)} p99 ${ms(base.p99)})`,
      );
    }

    console.log(`machine: load average ${load()} after measuring`);
    if (EXPLAIN) {
      const org = api.organizationId;
      const [deepRow] = await sql<{ id: string }[]>`
        select id from production.orders where organization_id = ${org} order by id desc offset ${SIZES.orders - 1000} limit 1`;
      await explain(
        sql,
        "orders deep page",
        `select * from production.orders where organization_id = '${org}' and id < '${deepRow?.id}' order by id desc limit 51`,
      );
      await explain(
        sql,
        "orders status=planned deep page",
        `select * from production.orders where organization_id = '${org}' and status = 'planned' and id < '${deepRow?.id}'
          order by id desc limit 51`,
      );
      await explain(
        sql,
        "trace: orders that used the lot",
        `select o.id, count(*) from production.stock_movements m join production.orders o on o.id = m.document_id
          where m.organization_id = '${org}' and m.lot_id = '${traced}' and m.kind = 'consumption' group by o.id`,
      );
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await sql.end();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

await main();
process.exit(0);
