import { describe, expect, it } from "vitest";
import { formatDocumentNumber, isInChronologicalOrder } from "@/contexts/tax/domain/document-number.value-object";
import { InvoiceDraft } from "@/contexts/tax/domain/invoice.entity";
import { taxBreakdown } from "@/contexts/tax/domain/line-amounts.value-object";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { date, issueInvoice, lineRequest, ORG, rate, SELLER } from "../support/tax-domain-fixtures";

const draft = (lines = [lineRequest("2", 1000)], rates = [rate("VAT", 2000)]) =>
  InvoiceDraft.create({
    organizationId: ORG,
    issueDate: date("2026-12-02"),
    currency: "EUR",
    seller: SELLER,
    customer: { name: "Café", taxId: null, address: null },
    lines,
    rates,
  });

describe("InvoiceDraft", () => {
  it("prices each line with the rates of its codes valid on the issue date", () => {
    const rates = [rate("VAT", 1900, "2020-01-01", "2026-12-01"), rate("VAT", 700, "2026-12-02"), rate("ECO", 100)];
    const result = draft([lineRequest("1.5", 333, ["VAT", "ECO"]), lineRequest("3", 1000, ["ECO"])], rates);
    if (!result.ok) throw new Error(result.error.message);
    const [first, second] = result.value.lines;
    expect(first?.amounts.net.minor).toBe(500n); // 499.5 → 500 (tie to even)
    expect(first?.amounts.taxes.map((t) => [t.code, t.rateBasisPoints, t.amount.minor])).toEqual([
      ["VAT", 700, 35n],
      ["ECO", 100, 5n],
    ]);
    expect(second?.lineNumber).toBe(2);
    expect(result.value.totals.net.minor).toBe(3500n);
    expect(result.value.totals.tax.minor).toBe(35n + 5n + 30n);
    expect(result.value.totals.gross.minor).toBe(3570n);
  });

  it("refuses an unclassified product, naming it", () => {
    const line = lineRequest("1", 100, null);
    const result = draft([lineRequest("1", 100), line]);
    expect(!result.ok && result.error.code).toBe("unclassified-product");
    expect(!result.ok && "productIds" in result.error && result.error.productIds).toEqual([line.productId]);
  });

  it("refuses a classified product none of whose codes has a rate that day; 0 bp is a rate", () => {
    const result = draft([lineRequest("1", 100, ["LUX"])]);
    expect(!result.ok && result.error.code).toBe("no-tax-rate");
    const exempt = draft([lineRequest("1", 100, ["EXEMPT"])], [rate("EXEMPT", 0)]);
    expect(exempt.ok && exempt.value.totals.tax.minor).toBe(0n);
  });

  it("breaks the tax down per code and rate, from the rounded lines", () => {
    const result = draft(
      [lineRequest("1", 105, ["VAT", "ECO"]), lineRequest("1", 5, ["VAT"]), lineRequest("2", 50, ["ECO"])],
      [rate("VAT", 1000), rate("ECO", 500)],
    );
    if (!result.ok) throw new Error(result.error.message);
    const rows = taxBreakdown(result.value.lines.map((l) => l.amounts));
    expect(rows.map((r) => [r.code, r.rateBasisPoints, r.taxableAmount.minor, r.taxAmount.minor])).toEqual([
      ["ECO", 500, 205n, 10n], // 5.25 → 5, 5
      ["VAT", 1000, 110n, 10n], // 10.5 → 10, 0.5 → 0
    ]);
  });

  it("refuses no lines, a zero quantity, a negative price and amounts beyond 2^53 - 1", () => {
    expect(!draft([]).ok).toBe(true);
    const zero = draft([lineRequest("0", 100)]);
    expect(!zero.ok && zero.error.code).toBe("invalid-line");
    const negative = draft([lineRequest("1", -1)]);
    expect(!negative.ok && "field" in negative.error && negative.error.field).toBe("lines/0/unitPrice");
    const huge = draft([lineRequest("999999999999", Number.MAX_SAFE_INTEGER)]);
    expect(!huge.ok && huge.error.code).toBe("amount-too-large");
  });
});

describe("Invoice.cancel: same day only", () => {
  const issued = () => issueInvoice([lineRequest("1", 100)]);
  const at = Timestamp.now();

  it("cancels on the issue day, keeping number and amounts", () => {
    const invoice = issued();
    const result = invoice.cancel({ reason: "wrong customer", at, today: date("2026-12-02"), hasCreditNotes: false });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe("cancelled");
    expect(result.value.props.number).toBe(invoice.props.number);
    expect(result.value.props.totals).toEqual(invoice.props.totals);
    expect(result.value.props.cancellation).toEqual({ at, reason: "wrong customer" });
  });

  it("refuses the next day, a second cancel, an invoice with credit notes and a blank reason", () => {
    const invoice = issued();
    const late = invoice.cancel({ reason: "late", at, today: date("2026-12-03"), hasCreditNotes: false });
    expect(!late.ok && late.error.code).toBe("cancel-window-closed");
    const credited = invoice.cancel({ reason: "x", at, today: date("2026-12-02"), hasCreditNotes: true });
    expect(!credited.ok && credited.error.code).toBe("invoice-has-credit-notes");
    const blank = invoice.cancel({ reason: "  ", at, today: date("2026-12-02"), hasCreditNotes: false });
    expect(!blank.ok && blank.error.code).toBe("invalid-reason");
    const once = invoice.cancel({ reason: "x", at, today: date("2026-12-02"), hasCreditNotes: false });
    if (!once.ok) throw new Error("first cancel failed");
    const twice = once.value.cancel({ reason: "x", at, today: date("2026-12-02"), hasCreditNotes: false });
    expect(!twice.ok && twice.error.code).toBe("invoice-already-cancelled");
  });
});

describe("document numbers", () => {
  it("are YYYY-000001 and CN-YYYY-000001", () => {
    expect(formatDocumentNumber("invoice", 2026, 1)).toBe("2026-000001");
    expect(formatDocumentNumber("credit-note", 2026, 42)).toBe("CN-2026-000042");
    expect(formatDocumentNumber("invoice", 2026, 1_234_567)).toBe("2026-1234567");
    expect(() => formatDocumentNumber("invoice", 2026, 0)).toThrow(RangeError);
  });

  it("follow issue dates: never dated before the last of the series", () => {
    expect(isInChronologicalOrder(null, date("2026-01-01"))).toBe(true);
    expect(isInChronologicalOrder(date("2026-05-01"), date("2026-05-01"))).toBe(true);
    expect(isInChronologicalOrder(date("2026-05-01"), date("2026-04-30"))).toBe(false);
  });
});
