// Invoice issue benchmark (issue 11, Measure): 10-line invoices on PostgreSQL through the real use case
// (numbering lock, invoice + lines, outbox event, audit entry, one transaction), as a ratio to pgbench
// running a plain SQL transaction of the same writes against the same server in the same run; and the
// p50/p99 of one issue with 8 concurrent clients on ONE organization (all queue on its numbering lock).
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/tax-issue.bench.ts [--seconds=10] [--clients=8]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Prints figures only; the target (ratio >= 0.3) is shown, never asserted.
import { AsyncLocalStorage } from "node:async_hooks";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocumentNumbering } from "@/contexts/tax/application/ports/document-numbering.port";
import type { TaxDeps } from "@/contexts/tax/application/tax-deps";
import { CreateTaxRateUseCase } from "@/contexts/tax/application/use-cases/create-tax-rate.use-case";
import { IssueInvoiceUseCase } from "@/contexts/tax/application/use-cases/issue-invoice.use-case";
import { PutClassificationUseCase } from "@/contexts/tax/application/use-cases/put-classification.use-case";
import { PutTaxSettingsUseCase } from "@/contexts/tax/application/use-cases/put-tax-settings.use-case";
import type { ProductSnapshot } from "@/contexts/tax/domain/invoice-line.value-object";
import { OutboxTaxEvents } from "@/contexts/tax/infrastructure/adapters/outbox.tax-events";
import { PlatformTaxAuditLog } from "@/contexts/tax/infrastructure/adapters/platform.tax-audit-log";
import { DrizzleCreditNoteRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-credit-note.repository";
import { DrizzleDocumentNumbering } from "@/contexts/tax/infrastructure/persistence/drizzle-document-numbering";
import { DrizzleInvoiceRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-invoice.repository";
import { DrizzleIssueRequestRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-issue-request.repository";
import { DrizzleProductClassificationRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-product-classification.repository";
import { DrizzleTaxRateRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-tax-rate.repository";
import { DrizzleTaxSettingsRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-tax-settings.repository";
import { SqlLiabilityReportQuery } from "@/contexts/tax/infrastructure/persistence/sql-liability-report.query";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { OutboxNotifyingUnitOfWork } from "@/shared/infrastructure/events/outbox-notifying.unit-of-work";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { testAuditKeys } from "../test/support/test-audit-keys";
import { withBenchDatabase } from "./lib/bench-database";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const SECONDS = Number(args.get("seconds") ?? 10);
const CLIENTS = Number(args.get("clients") ?? 8);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function run(client: DatabaseClient, databaseUrl: string | null): Promise<void> {
  if (!databaseUrl) throw new Error("pgbench needs a PostgreSQL database");
  const organizationId = Uuid.generate();
  const products: ProductSnapshot[] = Array.from({ length: 10 }, (_, i) => ({
    productId: Uuid.generate(),
    productName: `Product ${i + 1}`,
    sku: `SKU-${i + 1}`,
    unit: "unit",
  }));
  const lockTimer = new LockTimer();
  const deps: TaxDeps = {
    settings: new DrizzleTaxSettingsRepository(client),
    rates: new DrizzleTaxRateRepository(client),
    classifications: new DrizzleProductClassificationRepository(client),
    numbering: lockTimer.wrap(new DrizzleDocumentNumbering(client)),
    invoices: new DrizzleInvoiceRepository(client),
    creditNotes: new DrizzleCreditNoteRepository(client),
    issueRequests: new DrizzleIssueRequestRepository(client),
    liability: new SqlLiabilityReportQuery(client),
    // production's public service and auth's directory answer from memory: their cost is not tax's
    products: { find: async (_org, ids) => products.filter((p) => ids.includes(p.productId)) },
    organizations: { find: async () => ({ currency: "EUR", timezone: "UTC" }) },
    events: new OutboxTaxEvents(new OutboxWriter(client)),
    audit: new PlatformTaxAuditLog(new AuditTrail(client, testAuditKeys)),
    // The app's wiring (create-event-bus): relays are woken after commit, never by a NOTIFY inside it.
    unitOfWork: lockTimer.wrapUnitOfWork(new OutboxNotifyingUnitOfWork(new DrizzleUnitOfWork(client), client)),
    clock: { now: () => Timestamp.now() },
  };
  const actor = { userId: Uuid.generate(), organizationId };
  await new PutTaxSettingsUseCase(deps).execute({
    actor,
    identity: {
      legalName: "Bench GmbH",
      taxId: "DE000000000",
      address: { line1: "Street 1", city: "Berlin", postalCode: "10115", countryCode: "DE" },
    },
  });
  await new CreateTaxRateUseCase(deps).execute({
    actor,
    code: "VAT",
    name: "VAT",
    rateBasisPoints: 1900,
    validFrom: "2020-01-01",
  });
  for (const p of products) {
    await new PutClassificationUseCase(deps).execute({ actor, productId: p.productId, taxCodes: ["VAT"] });
  }
  const issue = new IssueInvoiceUseCase(deps);
  const lines = products.map((p, i) => ({ productId: p.productId, quantity: `${i + 1}.5`, unitPrice: 199 + i }));

  // Warm-up, then CLIENTS concurrent loops on one organization for SECONDS.
  for (let i = 0; i < 20; i++) await issue.execute({ actor, customer: { name: "Warm-up" }, lines });
  lockTimer.reset();
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const result = await issue.execute({ actor, customer: { name: "Café" }, lines });
        if (!result.ok) throw new Error(result.error.code);
        latencies.push(performance.now() - started);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerIssue = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
  const nexusTps = latencies.length / SECONDS;
  latencies.sort((a, b) => a - b);

  const pgbenchTps = runPgbench(databaseUrl, organizationId);
  const ratio = nexusTps / pgbenchTps;
  console.log(`tax invoice issue, 10 lines, PostgreSQL, ${CLIENTS} clients on one organization, ${SECONDS}s`);
  console.log(
    `  Nexus use case   ${nexusTps.toFixed(1)} invoices/s  p50 ${percentile(latencies, 0.5).toFixed(1)} ms  p99 ${percentile(latencies, 0.99).toFixed(1)} ms  (${latencies.length} issued)`,
  );
  console.log(
    `  this process's CPU per issue ${cpuMsPerIssue.toFixed(1)} ms (${((cpuMsPerIssue * nexusTps) / 10).toFixed(0)} % of a core)`,
  );
  console.log(
    `  inside the transaction: waiting for the number p50 ${lockTimer.waits.p(0.5)} ms, holding it until commit p50 ${lockTimer.holds.p(0.5)} ms p99 ${lockTimer.holds.p(0.99)} ms`,
  );
  console.log(`  pgbench same writes ${pgbenchTps.toFixed(1)} tx/s`);
  console.log(`  ratio ${ratio.toFixed(2)} (target >= 0.3: ${ratio >= 0.3 ? "met" : "missed"})`);
}

class Samples {
  private readonly values: number[] = [];
  add(ms: number): void {
    this.values.push(ms);
  }
  p(q: number): string {
    return percentile(
      [...this.values].sort((a, b) => a - b),
      q,
    ).toFixed(1);
  }
}

/**
 * Where an issue spends the numbering lock: from asking for the number to getting it (queueing behind
 * the other clients), and from getting it to the commit (what every other client waits for).
 */
class LockTimer {
  waits = new Samples();
  holds = new Samples();
  private readonly takenAt = new AsyncLocalStorage<{ at: number | null }>();
  reset(): void {
    this.waits = new Samples();
    this.holds = new Samples();
  }
  wrap(numbering: DocumentNumbering): DocumentNumbering {
    return {
      next: async (...args) => {
        const asked = performance.now();
        const taken = await numbering.next(...args);
        const store = this.takenAt.getStore();
        if (store) store.at = performance.now();
        this.waits.add(performance.now() - asked);
        return taken;
      },
    };
  }
  wrapUnitOfWork(unitOfWork: TaxDeps["unitOfWork"]): TaxDeps["unitOfWork"] {
    return {
      transaction: (work) => {
        const store = { at: null as number | null };
        return this.takenAt.run(store, async () => {
          const result = await unitOfWork.transaction(work);
          if (store.at !== null) this.holds.add(performance.now() - store.at);
          return result;
        });
      },
    };
  }
}

/**
 * The same writes as one issue, in plain SQL: counter row upsert + lock + increment, the invoice row,
 * 10 line rows, one outbox row, and an audit row under the audit chain's advisory lock (the hash is a
 * constant: the SQL side does no hashing, which favours pgbench).
 */
function runPgbench(databaseUrl: string, organizationId: string): number {
  const script = `
BEGIN;
INSERT INTO tax.document_sequences (id, organization_id, series, year, last_sequence) VALUES (gen_random_uuid(), :org, 'invoice', 2099, 0) ON CONFLICT DO NOTHING;
SELECT last_sequence FROM tax.document_sequences WHERE organization_id = :org AND series = 'invoice' AND year = 2099 FOR UPDATE;
UPDATE tax.document_sequences SET last_sequence = last_sequence + 1, last_issue_date = current_date WHERE organization_id = :org AND series = 'invoice' AND year = 2099 RETURNING last_sequence AS seq \\gset
INSERT INTO tax.invoices (id, organization_id, number, issue_date, currency, seller, customer_name, net, tax, gross, status, issued_at) VALUES (gen_random_uuid(), :org, 'PGB-' || :seq, current_date, 'EUR', '{"legalName":"Bench"}', 'Café', 1000, 190, 1190, 'issued', now()) RETURNING id AS inv \\gset
INSERT INTO tax.invoice_lines (id, invoice_id, organization_id, line_number, product_id, product_name, sku, unit, quantity, unit_price, net, tax, taxes) SELECT gen_random_uuid(), :inv, :org, g, gen_random_uuid(), 'Product', 'SKU', 'unit', 1.5, 199, 299, 57, '[{"code":"VAT","rateBasisPoints":1900,"amount":57}]' FROM generate_series(1, 10) g;
INSERT INTO platform.outbox_events (id, type, version, organization_id, aggregate_id, occurred_at, payload) VALUES (gen_random_uuid(), 'tax.invoice.issued.v1', 1, :org, :inv, now(), '{"lines":[1,2,3,4,5,6,7,8,9,10]}');
SELECT pg_advisory_xact_lock(hashtext('nexus.audit'), hashtext(:org));
COMMIT;
`;
  const file = join(mkdtempSync(join(tmpdir(), "tax-pgbench-")), "issue.sql");
  writeFileSync(file, script);
  const output = execFileSync(
    "pgbench",
    [
      "-n",
      "-M",
      "extended",
      "-c",
      String(CLIENTS),
      "-j",
      "2",
      "-T",
      String(SECONDS),
      "-D",
      `org=${organizationId}`,
      "-f",
      file,
      databaseUrl,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  if (!tps) throw new Error(`no tps in pgbench output:\n${output}`);
  return Number(tps);
}

await withBenchDatabase("postgres", "tax", run);
