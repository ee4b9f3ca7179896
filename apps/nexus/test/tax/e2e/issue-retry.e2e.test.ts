import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { countOf, loseStoredResponse as lose } from "../../support/lost-stored-response";
import { productionProducts } from "../support/production-products";
import { TaxApi } from "../support/tax-api";

type Doc = { id: string; number: string };

/**
 * Issue 11 item 3, ADR 0007: the middleware stores a response after the document committed. When
 * that store is lost (the instance died in between), the key's claim expires and the retry runs the
 * handler again; the tax backstop must still answer with the first document and take no number.
 * The lost store is simulated by deleting the middleware's row for the key.
 */
describe("a retried tax document request whose stored response was lost", () => {
  const auth = useAuthE2e();
  const database = () => auth.app.app.container.resolve(PlatformTokens.Database);

  async function operatorOrg(): Promise<{ api: TaxApi; bread: string }> {
    const owner = await auth.client.owner("tax-retry");
    const api = new TaxApi(auth.client, owner.tokens, owner.organizationId, productionProducts(database()));
    await api.configure();
    return { api, bread: await api.product("Broa", ["RED"]) };
  }

  const loseStoredResponse = (key: string) => lose(database().db, key);

  /** Everything issuing writes, counted for one organization. */
  async function written(organizationId: string) {
    const count = (query: SQL) => countOf(database().db, query);
    return {
      invoices: await count(sql`select count(*) n from tax.invoices where organization_id = ${organizationId}`),
      creditNotes: await count(sql`select count(*) n from tax.credit_notes where organization_id = ${organizationId}`),
      lastNumbers: await queryRows<{ series: string; last: number }>(
        database().db,
        sql`select series, last_sequence last from tax.document_sequences
            where organization_id = ${organizationId} order by series`,
      ),
      events: await count(
        sql`select count(*) n from platform.outbox_events
            where organization_id = ${organizationId} and type like 'tax.%'`,
      ),
      issueAudits: await count(
        sql`select count(*) n from platform.audit_entries
            where organization_id = ${organizationId} and action like 'tax.%.issued' and outcome = 'success'`,
      ),
    };
  }

  it("answers an invoice retry with the first invoice, and another body with 422", async () => {
    const { api, bread } = await operatorOrg();
    const body = { customer: { name: "Café Central" }, lines: [{ productId: bread, quantity: "3", unitPrice: 185 }] };
    const key = randomUUID();
    const first = await api.issue(body, key);
    const firstBody = await first.text();
    expect(first.status, firstBody).toBe(201);
    const invoice = JSON.parse(firstBody) as Doc;
    const before = await written(api.organizationId);
    expect(before).toMatchObject({ invoices: 1, lastNumbers: [{ series: "invoice", last: 1 }], issueAudits: 1 });

    await loseStoredResponse(key);
    const retry = await api.issue(body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBeNull(); // answered by the handler, not the middleware
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(JSON.parse(await retry.text())).toEqual(JSON.parse(firstBody));
    expect(await written(api.organizationId)).toEqual(before);

    await loseStoredResponse(key);
    const other = { ...body, customer: { name: "Someone else" } };
    expect(await api.problem("/tax/invoices", { json: other, headers: { "Idempotency-Key": key } }, 422)).toBe(
      "idempotency-key-reused",
    );
    expect((await written(api.organizationId)).invoices).toBe(1);

    // No number was burnt: the next invoice is the second.
    const next = (await (await api.issue(body)).json()) as Doc;
    expect(next.number).toBe(invoice.number.replace(/1$/, "2"));
  });

  it("answers a credit-note retry with the first credit note, and another body with 422", async () => {
    const { api, bread } = await operatorOrg();
    const invoiceBody = { customer: { name: "Café" }, lines: [{ productId: bread, quantity: "3", unitPrice: 185 }] };
    const invoice = (await (await api.issue(invoiceBody)).json()) as Doc;
    const path = `/tax/invoices/${invoice.id}/credit-notes`;
    const body = { reason: "one loaf returned", lines: [{ lineNumber: 1, quantity: "1" }] };
    const key = randomUUID();
    const first = await api.request(path, { json: body, headers: { "Idempotency-Key": key } });
    const firstBody = await first.text();
    expect(first.status, firstBody).toBe(201);
    const note = JSON.parse(firstBody) as Doc;
    expect(note.number).toMatch(/^CN-\d{4}-000001$/);
    const before = await written(api.organizationId);
    expect(before).toMatchObject({ creditNotes: 1, issueAudits: 2 });

    await loseStoredResponse(key);
    const retry = await api.request(path, { json: body, headers: { "Idempotency-Key": key } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBeNull();
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(JSON.parse(await retry.text())).toEqual(JSON.parse(firstBody));
    expect(await written(api.organizationId)).toEqual(before);

    await loseStoredResponse(key);
    const other = { ...body, lines: [{ lineNumber: 1, quantity: "2" }] };
    expect(await api.problem(path, { json: other, headers: { "Idempotency-Key": key } }, 422)).toBe(
      "idempotency-key-reused",
    );
    expect((await written(api.organizationId)).creditNotes).toBe(1);

    // The key is scoped to its invoice: on another invoice it issues that invoice's credit note.
    const second = (await (await api.issue(invoiceBody)).json()) as Doc;
    const elsewhere = await api.ok<Doc>(
      `/tax/invoices/${second.id}/credit-notes`,
      { json: body, headers: { "Idempotency-Key": key } },
      201,
    );
    expect(elsewhere.number).toBe(note.number.replace(/1$/, "2"));
  });
});
