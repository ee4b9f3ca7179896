import { describe, expect, it } from "vitest";
import { CreditNoteIssuedV1 } from "@/contexts/tax/contracts/credit-note-issued.event";
import { InvoiceCancelledV1 } from "@/contexts/tax/contracts/invoice-cancelled.event";
import { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";

const invoiceId = "019ae0b0-0000-7000-8000-000000000001";
const productId = "019ae0b0-0000-7000-8000-000000000002";
const taxes = [{ code: "VAT-STD", rateBasisPoints: 2000, amount: 250 }];
const totals = { net: 1250, tax: 250, gross: 1500 };

const issued = {
  invoiceId,
  number: "2026-000001",
  issueDate: "2026-12-02",
  currency: "EUR",
  customer: { name: "Café Nord", taxId: null },
  lines: [
    {
      lineNumber: 1,
      productId,
      productName: "Rye bread",
      sku: "RYE-1",
      unit: "unit",
      quantity: "2.5",
      unitPrice: 500,
      net: 1250,
      tax: 250,
      taxes,
    },
  ],
  totals,
};

describe("tax integration event contracts (CONTRACTS.md)", () => {
  it("accept the agreed payloads", () => {
    expect(InvoiceIssuedV1.schema.parse(issued)).toEqual(issued);
    const cancelled = {
      invoiceId,
      number: "2026-000001",
      issueDate: "2026-12-02",
      cancelledAt: "2026-12-02T10:00:00.000Z",
      reason: "issued in error",
      currency: "EUR",
      totals,
    };
    expect(InvoiceCancelledV1.schema.parse(cancelled)).toEqual(cancelled);
    const credit = {
      creditNoteId: "019ae0b0-0000-7000-8000-000000000003",
      number: "CN-2026-000001",
      invoiceId,
      invoiceNumber: "2026-000001",
      issueDate: "2026-12-03",
      restock: true,
      currency: "EUR",
      lines: [{ lineNumber: 1, productId, quantity: "1", unitPrice: 500, net: 500, tax: 100, taxes }],
      totals: { net: 500, tax: 100, gross: 600 },
    };
    expect(CreditNoteIssuedV1.schema.parse(credit)).toEqual(credit);
  });

  it("name the versioned types", () => {
    expect([InvoiceIssuedV1.type, InvoiceCancelledV1.type, CreditNoteIssuedV1.type]).toEqual([
      "tax.invoice.issued.v1",
      "tax.invoice.cancelled.v1",
      "tax.credit-note.issued.v1",
    ]);
  });

  it("refuse a float quantity, a fractional amount and a missing field", () => {
    const [line] = issued.lines;
    expect(InvoiceIssuedV1.schema.safeParse({ ...issued, lines: [{ ...line, quantity: 2.5 }] }).success).toBe(false);
    expect(InvoiceIssuedV1.schema.safeParse({ ...issued, totals: { ...totals, tax: 2.5 } }).success).toBe(false);
    const { currency: _currency, ...withoutCurrency } = issued;
    expect(InvoiceIssuedV1.schema.safeParse(withoutCurrency).success).toBe(false);
    expect(InvoiceIssuedV1.schema.safeParse({ ...issued, lines: [{ ...line, quantity: "1.2345" }] }).success).toBe(
      false,
    );
  });
});
