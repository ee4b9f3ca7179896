import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { convert } from "xmlbuilder2";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { uniqueEmail } from "../../auth/e2e/support/auth-client";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { pdfText } from "../support/pdf-text";
import { productionProducts } from "../support/production-products";
import { TaxApi } from "../support/tax-api";

type Doc = {
  id: string;
  number: string;
  status: string;
  issueDate: string;
  totals: { net: number; tax: number; gross: number };
  lines: { lineNumber: number; productName: string; net: number; tax: number; quantity: string }[];
  taxBreakdown: { code: string; taxableAmount: number; taxAmount: number }[];
};

describe("tax through HTTP: fiscal identity, rates, classification, invoices, credit notes, report", () => {
  const auth = useAuthE2e();

  const createProduct = (organizationId: string, name: string, unit?: string) =>
    productionProducts(auth.app.app.container.resolve(PlatformTokens.Database))(organizationId, name, unit);

  async function operatorOrg(): Promise<TaxApi> {
    const owner = await auth.client.owner("tax-owner");
    return new TaxApi(auth.client, owner.tokens, owner.organizationId, createProduct);
  }

  /** A member of `api`'s organization with `role`, through an invitation. */
  async function member(api: TaxApi, role: string): Promise<TaxApi> {
    const email = uniqueEmail(role);
    const invited = await api.client.request(`/api/v1/organizations/${api.organizationId}/members`, {
      token: api.tokens.accessToken,
      json: { email, role },
    });
    expect(invited.status).toBe(202);
    const client = auth.newClient();
    await client.register(email, role);
    await client.verify(email);
    const login = await client.login(email);
    const token = await client.mailedToken(email, /invit/i);
    const accepted = await client.request("/api/v1/invitations/accept", { token: login.accessToken, json: { token } });
    expect(accepted.status).toBe(200);
    const tokens = await client.switchOrganization(login.accessToken, api.organizationId);
    return new TaxApi(client, tokens, api.organizationId, createProduct);
  }

  it("walks the operator's day: configure, issue, download XML and PDF, cancel, credit, report", async () => {
    const api = await operatorOrg();
    expect(await api.problem("/tax/settings", {}, 404)).toBe("not-found");
    const bread = await api.product("Broa de milho", ["RED"]);
    const wine = await api.product("Vinho tinto", ["VAT"], "l");
    const unclassified = await api.product("Sample", null);
    const lines = [
      { productId: bread, quantity: "12", unitPrice: 185 },
      { productId: wine, quantity: "0.75", unitPrice: 1299 },
    ];
    const body = { customer: { name: "Café Central", taxId: "PT509999990" }, lines };
    expect(await api.problem("/tax/invoices", { json: body, headers: { "Idempotency-Key": randomUUID() } }, 422)).toBe(
      "fiscal-identity-missing",
    );
    await api.configure();
    expect(
      await api.problem(
        "/tax/rates",
        { json: { code: "VAT", name: "x", rateBasisPoints: 1, validFrom: "2030-01-01" } },
        409,
      ),
    ).toBe("rate-period-overlap");
    expect(await api.problem("/tax/invoices", { json: body }, 400)).toBe("idempotency-key-required");
    const unclassifiedBody = { ...body, lines: [{ productId: unclassified, quantity: "1", unitPrice: 1 }] };
    expect(
      await api.problem("/tax/invoices", { json: unclassifiedBody, headers: { "Idempotency-Key": randomUUID() } }, 422),
    ).toBe("unclassified-product");

    // Issue, and replay with the same key: one invoice.
    const key = randomUUID();
    const first = await api.issue(body, key);
    expect(first.status, await first.clone().text()).toBe(201);
    const invoice = (await first.json()) as Doc;
    const year = invoice.issueDate.slice(0, 4);
    expect(invoice.number).toBe(`${year}-000001`);
    expect(invoice.lines.map((l) => [l.net, l.tax])).toEqual([
      [2220, 133], // 22.20 × 6 % = 1.332
      [974, 224], // 0.75 × 12.99 = 9.7425 → 974; × 23 % = 224.02
    ]);
    expect(invoice.totals).toEqual({ net: 3194, tax: 357, gross: 3551 });
    const replay = await api.issue(body, key);
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect(((await replay.json()) as Doc).id).toBe(invoice.id);

    // The e-invoice and the print carry the same figures.
    const xmlResponse = await api.request(`/tax/invoices/${invoice.id}`, { headers: { Accept: "application/xml" } });
    expect(xmlResponse.headers.get("content-type")).toContain("application/xml");
    const xml = convert(await xmlResponse.text(), { format: "object" }) as {
      Invoice: Record<string, { [k: string]: { "#": string } }>;
    };
    expect(xml.Invoice["cac:LegalMonetaryTotal"]?.["cbc:PayableAmount"]?.["#"]).toBe("35.51");
    expect(xml.Invoice["cac:TaxTotal"]?.["cbc:TaxAmount"]?.["#"]).toBe("3.57");
    const pdfResponse = await api.request(`/tax/invoices/${invoice.id}`, { headers: { Accept: "application/pdf" } });
    expect(pdfResponse.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await pdfResponse.arrayBuffer()));
    expect(text).toContain(invoice.number);
    expect(text).toContain("Total gross: 35.51 EUR");
    for (const line of invoice.lines) expect(text).toContain(line.productName);

    // A second invoice is cancelled the same day; the first gets a partial credit note.
    const second = (await (await api.issue({ ...body, lines: [lines[0]] })).json()) as Doc;
    expect(second.number).toBe(`${year}-000002`);
    const cancelled = await api.ok<Doc>(`/tax/invoices/${second.id}/cancel`, { json: { reason: "duplicate" } });
    expect(cancelled.status).toBe("cancelled");
    expect(
      await api.problem(
        `/tax/invoices/${second.id}/credit-notes`,
        { json: { reason: "x" }, headers: { "Idempotency-Key": randomUUID() } },
        409,
      ),
    ).toBe("invoice-cancelled");
    const credit = { reason: "two loaves returned", restock: true, lines: [{ lineNumber: 1, quantity: "2" }] };
    const note = await api.ok<Doc & { invoiceNumber: string }>(
      `/tax/invoices/${invoice.id}/credit-notes`,
      { json: credit, headers: { "Idempotency-Key": randomUUID() } },
      201,
    );
    expect(note.number).toBe(`CN-${year}-000001`);
    expect(note.totals).toEqual({ net: 370, tax: 22, gross: 392 });
    const over = { reason: "too many", lines: [{ lineNumber: 1, quantity: "10.001" }] };
    expect(
      await api.problem(
        `/tax/invoices/${invoice.id}/credit-notes`,
        { json: over, headers: { "Idempotency-Key": randomUUID() } },
        409,
      ),
    ).toBe("credit-exceeds-invoiced");
    const noteXml = await api.request(`/tax/credit-notes/${note.id}`, { headers: { Accept: "application/xml" } });
    expect(await noteXml.text()).toContain("<CreditNote");

    // The liability report equals the documents: the cancelled invoice excluded, the credit note subtracted.
    const report = await api.ok<{ rows: { code: string; taxableBase: number; tax: number; documentCount: number }[] }>(
      `/tax/reports/liability?from=${year}-01-01&to=${year}-12-31`,
    );
    expect(report.rows).toEqual([
      { code: "RED", taxableBase: 2220 - 370, tax: 133 - 22, invoiceCount: 1, creditNoteCount: 1, documentCount: 2 },
      { code: "VAT", taxableBase: 974, tax: 224, invoiceCount: 1, creditNoteCount: 0, documentCount: 1 },
    ]);

    // Lists filter by status and customer, and page with a cursor.
    const page1 = await api.ok<{ items: Doc[]; nextCursor: string | null }>("/tax/invoices?limit=1");
    expect(page1.items.map((i) => i.number)).toEqual([second.number]);
    const page2 = await api.ok<{ items: Doc[]; nextCursor: string | null }>(
      `/tax/invoices?limit=1&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`,
    );
    expect(page2.items.map((i) => i.number)).toEqual([invoice.number]);
    const issuedOnly = await api.ok<{ items: Doc[] }>("/tax/invoices?status=issued&customer=central");
    expect(issuedOnly.items.map((i) => i.number)).toEqual([invoice.number]);
    expect(await api.problem("/tax/invoices?cursor=bogus", {}, 422)).toBe("invalid-cursor");

    // Downloads and the report are audited, like every write.
    const audit = await api.ok<{ items: { action: string; outcome: string }[] }>("/audit?limit=200");
    const actions = audit.items.map((e) => e.action);
    for (const action of [
      "tax.settings.updated",
      "tax.rate.created",
      "tax.classification.updated",
      "tax.invoice.issued",
      "tax.invoice.cancelled",
      "tax.credit-note.issued",
      "tax.invoice.downloaded",
      "tax.credit-note.downloaded",
      "tax.liability-report.read",
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it("analysts read, operators write; another organization's documents are 404", async () => {
    const api = await operatorOrg();
    await api.configure();
    const bread = await api.product("Pão", ["RED"]);
    const invoice = (await (
      await api.issue({ customer: { name: "A" }, lines: [{ productId: bread, quantity: "1", unitPrice: 100 }] })
    ).json()) as Doc;
    const analyst = await member(api, "analyst");
    await analyst.ok(`/tax/invoices/${invoice.id}`);
    await analyst.ok("/tax/rates");
    expect((await analyst.issue({ customer: { name: "B" }, lines: [] })).status).toBe(403);
    expect(await analyst.problem("/tax/settings", { method: "PUT", json: {} }, 403)).toBe("forbidden");
    const operator = await member(api, "operator");
    expect(
      (await operator.issue({ customer: { name: "C" }, lines: [{ productId: bread, quantity: "2", unitPrice: 100 }] }))
        .status,
    ).toBe(201);

    const stranger = await operatorOrg();
    for (const path of [`/tax/invoices/${invoice.id}`, `/tax/classifications/${bread}`, "/tax/invoices/not-a-uuid"]) {
      expect(await stranger.problem(path, {}, 404)).toBe("not-found");
    }
    expect(await stranger.problem(`/tax/invoices/${invoice.id}/cancel`, { json: { reason: "mine now" } }, 404)).toBe(
      "not-found",
    );
    expect(
      await stranger.problem(`/tax/classifications/${bread}`, { method: "PUT", json: { taxCodes: ["VAT"] } }, 404),
    ).toBe("not-found");
  });

  it("pages the rates by code and start date, each once, and refuses a cursor it did not issue", async () => {
    const api = await operatorOrg();
    await api.configure(); // RED and VAT from 2020
    for (const [code, from] of [
      ["RED", "2019-01-01"],
      ["ZERO", "2020-01-01"],
    ] as const) {
      const json = {
        code,
        name: code,
        rateBasisPoints: 0,
        validFrom: from,
        validTo: code === "RED" ? "2019-12-31" : null,
      };
      await api.ok("/tax/rates", { json }, 201);
    }
    type RatePage = { items: { code: string; validFrom: string }[]; nextCursor: string | null };
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=1&cursor=${encodeURIComponent(cursor)}` : "limit=1";
      const page: RatePage = await api.ok<RatePage>(`/tax/rates?${query}`);
      expect(page.items).toHaveLength(1);
      walked.push(...page.items.map((r) => `${r.code} ${r.validFrom}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(["RED 2019-01-01", "RED 2020-01-01", "VAT 2020-01-01", "ZERO 2020-01-01"]);
    const red = await api.ok<RatePage>("/tax/rates?code=RED&limit=1");
    expect(red.items.map((r) => r.validFrom)).toEqual(["2019-01-01"]);
    expect((await api.ok<RatePage>(`/tax/rates?code=RED&cursor=${red.nextCursor}`)).items).toHaveLength(1);
    expect(await api.problem("/tax/rates?cursor=bm9wZQ", {}, 422)).toBe("invalid-cursor");
  });
});
