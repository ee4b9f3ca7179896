import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaxActor, TaxDeps } from "@/contexts/tax/application/tax-deps";
import { CancelInvoiceUseCase } from "@/contexts/tax/application/use-cases/cancel-invoice.use-case";
import { CreateTaxRateUseCase } from "@/contexts/tax/application/use-cases/create-tax-rate.use-case";
import { GetTaxDocumentUseCase } from "@/contexts/tax/application/use-cases/get-tax-document.use-case";
import { IssueCreditNoteUseCase } from "@/contexts/tax/application/use-cases/issue-credit-note.use-case";
import { IssueInvoiceUseCase } from "@/contexts/tax/application/use-cases/issue-invoice.use-case";
import { LiabilityReportUseCase } from "@/contexts/tax/application/use-cases/liability-report.use-case";
import { ListInvoicesUseCase } from "@/contexts/tax/application/use-cases/list-invoices.use-case";
import { PutClassificationUseCase } from "@/contexts/tax/application/use-cases/put-classification.use-case";
import { PutTaxSettingsUseCase } from "@/contexts/tax/application/use-cases/put-tax-settings.use-case";
import type { Invoice } from "@/contexts/tax/domain/invoice.entity";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { SELLER } from "../support/tax-domain-fixtures";
import { createTaxTestKit, type TaxTestKit } from "../support/tax-test-kit";

let db: TestDatabase;
let kit: TaxTestKit;

beforeAll(async () => {
  db = await createTestDatabase();
  kit = createTaxTestKit(db);
});
afterAll(() => db?.dispose());

const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? "ok" : result.error?.code);

/** An organization with a fiscal identity, VAT 20 % and a reduced 7 %, and two classified products. */
async function setUpOrganization(deps: TaxDeps = kit.deps) {
  const actor = kit.newActor();
  value(await new PutTaxSettingsUseCase(deps).execute({ actor, identity: SELLER }));
  const rate = (c: string, bp: number) =>
    new CreateTaxRateUseCase(deps).execute({ actor, code: c, name: c, rateBasisPoints: bp, validFrom: "2020-01-01" });
  value(await rate("VAT", 2000));
  value(await rate("RED", 700));
  const bread = kit.products.add(actor.organizationId, "Rye bread");
  const butter = kit.products.add(actor.organizationId, "Butter", "kg");
  const classify = new PutClassificationUseCase(deps);
  value(await classify.execute({ actor, productId: bread.productId, taxCodes: ["RED"] }));
  value(await classify.execute({ actor, productId: butter.productId, taxCodes: ["VAT"] }));
  return { actor, bread, butter };
}

function issue(actor: TaxActor, lines: { productId: string; quantity: string; unitPrice: number }[], deps = kit.deps) {
  return new IssueInvoiceUseCase(deps).execute({ actor, customer: { name: "Café Süd" }, lines });
}

async function numbers(actor: TaxActor): Promise<string[]> {
  const rows = await queryRows<{ number: string }>(
    db.client.db,
    sql`select number from tax.invoices where organization_id = ${actor.organizationId} order by number`,
  );
  return rows.map((r) => r.number);
}

describe("issuing invoices through the real repositories", () => {
  it("prices, numbers 2026-000001.., publishes tax.invoice.issued.v1 and audits, in one transaction", async () => {
    const { actor, bread, butter } = await setUpOrganization();
    const invoice = value(
      await issue(actor, [
        { productId: bread.productId, quantity: "2.5", unitPrice: 333 },
        { productId: butter.productId, quantity: "0.125", unitPrice: 1999 },
      ]),
    );
    expect(invoice.props.number).toBe("2026-000001");
    expect(invoice.props.totals.net.minor).toBe(832n + 250n); // 832.5 → 832; 249.875 → 250
    expect(invoice.props.totals.tax.minor).toBe(58n + 50n); // 58.24 → 58; 50
    const second = value(await issue(actor, [{ productId: bread.productId, quantity: "1", unitPrice: 100 }]));
    expect(second.props.number).toBe("2026-000002");

    const events = await queryRows<{ type: string; payload: { number: string; totals: { gross: number } } }>(
      db.client.db,
      sql`select type, payload from platform.outbox_events where organization_id = ${actor.organizationId} order by id`,
    );
    expect(events.map((e) => [e.type, e.payload.number])).toEqual([
      ["tax.invoice.issued.v1", "2026-000001"],
      ["tax.invoice.issued.v1", "2026-000002"],
    ]);
    expect(events[0]?.payload.totals.gross).toBe(invoice.props.totals.gross.toNumber());
    const audit = await queryRows<{ action: string; outcome: string }>(
      db.client.db,
      sql`select action, outcome from platform.audit_entries where organization_id = ${actor.organizationId} and action like 'tax.invoice%'`,
    );
    expect(audit).toEqual([
      { action: "tax.invoice.issued", outcome: "success" },
      { action: "tax.invoice.issued", outcome: "success" },
    ]);
  });

  it("refuses without fiscal identity, an unclassified or unknown product, and audits the failure", async () => {
    const actor = kit.newActor();
    value(await new PutTaxSettingsUseCase(kit.deps).execute({ actor, identity: SELLER }));
    const product = kit.products.add(actor.organizationId);
    const line = [{ productId: product.productId, quantity: "1", unitPrice: 100 }];
    expect(code(await issue(actor, line))).toBe("unclassified-product");
    const { actor: ready } = await setUpOrganization();
    expect(code(await issue(ready, line))).toBe("unknown-product"); // another organization's product
    const bare = kit.newActor();
    const own = kit.products.add(bare.organizationId);
    value(
      await new PutClassificationUseCase(kit.deps).execute({
        actor: bare,
        productId: own.productId,
        taxCodes: ["VAT"],
      }),
    );
    expect(code(await issue(bare, [{ productId: own.productId, quantity: "1", unitPrice: 1 }]))).toBe(
      "fiscal-identity-missing",
    );
    const failures = await queryRows<{ metadata: { reason: string } }>(
      db.client.db,
      sql`select metadata from platform.audit_entries where organization_id = ${actor.organizationId} and outcome = 'failure'`,
    );
    expect(failures.map((f) => f.metadata.reason)).toEqual(["unclassified-product"]);
    expect(await numbers(actor)).toEqual([]);
  });

  it("a failure after numbering gives the number back (the next invoice takes it)", async () => {
    const { actor, bread } = await setUpOrganization();
    const line = [{ productId: bread.productId, quantity: "1", unitPrice: 100 }];
    value(await issue(actor, line));
    const failing: TaxDeps = {
      ...kit.deps,
      events: {
        ...kit.deps.events,
        invoiceIssued: async () => {
          throw new Error("outbox down after numbering");
        },
      },
    };
    await expect(issue(actor, line, failing)).rejects.toThrow("outbox down");
    expect(value(await issue(actor, line)).props.number).toBe("2026-000002");
    expect(await numbers(actor)).toEqual(["2026-000001", "2026-000002"]);
  });

  it("40 concurrent issues, every third failing after numbering, leave 1..N without gap or duplicate", async () => {
    const { actor, bread } = await setUpOrganization();
    const line = [{ productId: bread.productId, quantity: "1", unitPrice: 100 }];
    let calls = 0;
    const flaky: TaxDeps = {
      ...kit.deps,
      events: {
        ...kit.deps.events,
        invoiceIssued: async (invoice: Invoice) => {
          calls += 1;
          if (calls % 3 === 0) throw new Error("forced failure after numbering");
          await kit.deps.events.invoiceIssued(invoice);
        },
      },
    };
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => issue(actor, line, flaky)));
    const issued = results.filter((r) => r.status === "fulfilled" && r.value.ok).length;
    expect(issued).toBeGreaterThan(0);
    expect(issued).toBeLessThan(40);
    const expected = Array.from({ length: issued }, (_, i) => `2026-${String(i + 1).padStart(6, "0")}`);
    expect(await numbers(actor)).toEqual(expected);
  });

  it("dates must not go back in a series, nor into the future", async () => {
    const { actor, bread } = await setUpOrganization();
    const lines = [{ productId: bread.productId, quantity: "1", unitPrice: 100 }];
    const on = (issueDate: string) =>
      new IssueInvoiceUseCase(kit.deps).execute({ actor, issueDate, customer: { name: "X" }, lines });
    value(await on("2026-11-30"));
    expect(code(await on("2026-11-29"))).toBe("issue-date-out-of-order");
    expect(code(await on("2026-12-03"))).toBe("issue-date-in-future");
    expect(value(await on("2026-12-01")).props.number).toBe("2026-000002");
  });
});

describe("immutability in the database", () => {
  it("refuses changes to issued lines and amounts; cancel changes the status fields only", async () => {
    const { actor, bread } = await setUpOrganization();
    const invoice = value(await issue(actor, [{ productId: bread.productId, quantity: "1", unitPrice: 100 }]));
    // Drizzle wraps the driver's error: the trigger's message is in the cause.
    const attempt = (statement: ReturnType<typeof sql>) =>
      db.client.db.execute(statement).catch((error: Error) => {
        throw new Error(String((error.cause as Error | undefined)?.message ?? error.message));
      });
    await expect(attempt(sql`update tax.invoice_lines set net = 1 where invoice_id = ${invoice.id}`)).rejects.toThrow(
      /immutable/,
    );
    await expect(attempt(sql`delete from tax.invoice_lines where invoice_id = ${invoice.id}`)).rejects.toThrow(
      /immutable/,
    );
    await expect(
      attempt(sql`update tax.invoices set net = 1, gross = 1 + tax where id = ${invoice.id}`),
    ).rejects.toThrow(/immutable/);
    await expect(attempt(sql`delete from tax.invoices where id = ${invoice.id}`)).rejects.toThrow(/immutable/);
    value(await new CancelInvoiceUseCase(kit.deps).execute({ actor, invoiceId: invoice.id, reason: "wrong customer" }));
    await expect(
      attempt(
        sql`update tax.invoices set status = 'issued', cancelled_at = null, cancellation_reason = null where id = ${invoice.id}`,
      ),
    ).rejects.toThrow(/immutable/);
  });
});

describe("cancel and credit notes", () => {
  it("cancels on the issue day only (the organization's day), once", async () => {
    const { actor, bread } = await setUpOrganization();
    const invoice = value(await issue(actor, [{ productId: bread.productId, quantity: "1", unitPrice: 100 }]));
    const cancel = new CancelInvoiceUseCase(kit.deps);
    kit.clock.set("2026-12-02T23:30:00Z"); // already 3 December in Berlin
    expect(code(await cancel.execute({ actor, invoiceId: invoice.id, reason: "late" }))).toBe("cancel-window-closed");
    kit.clock.set("2026-12-02T22:30:00Z"); // 23:30 in Berlin
    value(await cancel.execute({ actor, invoiceId: invoice.id, reason: "typo" }));
    expect(code(await cancel.execute({ actor, invoiceId: invoice.id, reason: "again" }))).toBe(
      "invoice-already-cancelled",
    );
    kit.clock.set("2026-12-02T10:00:00Z");
  });

  it("credits part then the rest, never more than invoiced, even concurrently", async () => {
    const { actor, bread, butter } = await setUpOrganization();
    const invoice = value(
      await issue(actor, [
        { productId: bread.productId, quantity: "3", unitPrice: 333 },
        { productId: butter.productId, quantity: "1.5", unitPrice: 999 },
      ]),
    );
    const credit = new IssueCreditNoteUseCase(kit.deps);
    const first = value(
      await credit.execute({
        actor,
        invoiceId: invoice.id,
        reason: "returned",
        restock: true,
        lines: [{ lineNumber: 1, quantity: "1" }],
      }),
    );
    expect(first.props.number).toBe("CN-2026-000001");
    // Five concurrent attempts at 1 unit of line 1: only two remain.
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        credit.execute({ actor, invoiceId: invoice.id, reason: "again", lines: [{ lineNumber: 1, quantity: "1" }] }),
      ),
    );
    expect(attempts.map(code).sort()).toEqual([
      "credit-exceeds-invoiced",
      "credit-exceeds-invoiced",
      "credit-exceeds-invoiced",
      "ok",
      "ok",
    ]);
    const rest = value(await credit.execute({ actor, invoiceId: invoice.id, reason: "the rest" }));
    expect(rest.props.lines.map((l) => [l.lineNumber, l.quantity.toString()])).toEqual([[2, "1.5"]]);
    expect(code(await credit.execute({ actor, invoiceId: invoice.id, reason: "more" }))).toBe("nothing-to-credit");
    const notes = await queryRows<{ number: string; gross: string }>(
      db.client.db,
      sql`select number, gross::text from tax.credit_notes where invoice_id = ${invoice.id} order by number`,
    );
    expect(notes.map((n) => n.number)).toEqual([
      "CN-2026-000001",
      "CN-2026-000002",
      "CN-2026-000003",
      "CN-2026-000004",
    ]);
    const credited = notes.reduce((sum, n) => sum + Number(n.gross), 0);
    expect(credited).toBe(invoice.props.totals.gross.toNumber());
    expect(code(await new CancelInvoiceUseCase(kit.deps).execute({ actor, invoiceId: invoice.id, reason: "x" }))).toBe(
      "invoice-has-credit-notes",
    );
  });

  it("another organization's invoice is not found", async () => {
    const { actor, bread } = await setUpOrganization();
    const invoice = value(await issue(actor, [{ productId: bread.productId, quantity: "1", unitPrice: 100 }]));
    const stranger = (await setUpOrganization()).actor;
    const get = new GetTaxDocumentUseCase(kit.deps);
    expect(code(await get.execute({ actor: stranger, kind: "invoice", id: invoice.id, format: "json" }))).toBe(
      "not-found",
    );
    expect(
      code(await new CancelInvoiceUseCase(kit.deps).execute({ actor: stranger, invoiceId: invoice.id, reason: "x" })),
    ).toBe("not-found");
    expect(
      code(await new IssueCreditNoteUseCase(kit.deps).execute({ actor: stranger, invoiceId: invoice.id, reason: "x" })),
    ).toBe("not-found");
  });
});

describe("liability report", () => {
  it("equals the documents' taxes: credit notes subtracted, cancelled invoices excluded", async () => {
    const { actor, bread, butter } = await setUpOrganization();
    const a = value(
      await issue(actor, [
        { productId: bread.productId, quantity: "7", unitPrice: 149 },
        { productId: butter.productId, quantity: "2.25", unitPrice: 1234 },
      ]),
    );
    const b = value(await issue(actor, [{ productId: butter.productId, quantity: "1", unitPrice: 5000 }]));
    const c = value(await issue(actor, [{ productId: bread.productId, quantity: "3", unitPrice: 99 }]));
    value(await new CancelInvoiceUseCase(kit.deps).execute({ actor, invoiceId: c.id, reason: "duplicate" }));
    const note = value(
      await new IssueCreditNoteUseCase(kit.deps).execute({
        actor,
        invoiceId: a.id,
        reason: "returned",
        lines: [{ lineNumber: 2, quantity: "0.75" }],
      }),
    );
    const report = value(
      await new LiabilityReportUseCase(kit.deps).execute({ actor, from: "2026-12-01", to: "2026-12-31" }),
    );
    const taxOf = (inv: Invoice, taxCode: string) =>
      inv.lines.flatMap((l) => l.amounts.taxes.filter((t) => t.code === taxCode).map((t) => t.amount.toNumber()));
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const noteVat = sum(note.props.lines.flatMap((l) => l.amounts.taxes.map((t) => t.amount.toNumber())));
    expect(report.rows).toEqual([
      {
        code: "RED",
        taxableBase: a.lines[0]?.amounts.net.toNumber(),
        tax: sum(taxOf(a, "RED")),
        invoiceCount: 1,
        creditNoteCount: 0,
        documentCount: 1,
      },
      {
        code: "VAT",
        taxableBase:
          (a.lines[1]?.amounts.net.toNumber() ?? 0) + b.props.totals.net.toNumber() - note.props.totals.net.toNumber(),
        tax: sum(taxOf(a, "VAT")) + b.props.totals.tax.toNumber() - noteVat,
        invoiceCount: 2,
        creditNoteCount: 1,
        documentCount: 3,
      },
    ]);
    expect(report.totals.tax).toBe(
      a.props.totals.tax.toNumber() + b.props.totals.tax.toNumber() - note.props.totals.tax.toNumber(),
    );
    const listed = value(
      await new ListInvoicesUseCase(kit.deps).execute({
        actor,
        filter: { status: "cancelled" },
        page: { limit: 10, after: null },
      }),
    );
    expect(listed.items.map((i) => i.number)).toEqual([c.props.number]);
  });
});

describe("a key that issued a document already (the backstop of ADR 0007)", () => {
  it("two concurrent issues with one key take one number, and both answer that invoice", async () => {
    const { actor, bread } = await setUpOrganization();
    const lines = [{ productId: bread.productId, quantity: "1", unitPrice: 100 }];
    const request = { key: "retry-1", requestHash: "a".repeat(64) };
    const execute = (r = request) =>
      new IssueInvoiceUseCase(kit.deps).execute({ actor, request: r, customer: { name: "Café Süd" }, lines });
    const twins = (await Promise.all([execute(), execute()])).map(value);
    expect(twins[1]?.id).toBe(twins[0]?.id);
    expect(await numbers(actor)).toEqual(["2026-000001"]);
    expect(code(await execute({ ...request, requestHash: "b".repeat(64) }))).toBe("idempotency-key-reused");
    // Another organization's identical key is its own.
    const stranger = await setUpOrganization();
    const theirs = value(
      await new IssueInvoiceUseCase(kit.deps).execute({
        actor: stranger.actor,
        request,
        customer: { name: "X" },
        lines: [{ productId: stranger.bread.productId, quantity: "1", unitPrice: 100 }],
      }),
    );
    expect(theirs.id).not.toBe(twins[0]?.id);
  });

  it("two concurrent credit notes with one key issue one, and a retry is answered after the invoice is fully credited", async () => {
    const { actor, bread } = await setUpOrganization();
    const invoice = value(await issue(actor, [{ productId: bread.productId, quantity: "2", unitPrice: 100 }]));
    const request = { key: "credit-1", requestHash: "c".repeat(64) };
    const credit = () =>
      new IssueCreditNoteUseCase(kit.deps).execute({ actor, invoiceId: invoice.id, request, reason: "all back" });
    const twins = (await Promise.all([credit(), credit()])).map(value);
    expect(twins[1]?.id).toBe(twins[0]?.id);
    // Nothing is left to credit, yet the retry is answered with its note rather than nothing-to-credit.
    expect(value(await credit()).props.number).toBe(twins[0]?.props.number);
    const notes = await queryRows<{ number: string }>(
      db.client.db,
      sql`select number from tax.credit_notes where invoice_id = ${invoice.id}`,
    );
    expect(notes.map((n) => n.number)).toEqual(["CN-2026-000001"]);
  });
});
