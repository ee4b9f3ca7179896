import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CreditLineRequest, CreditNoteDraft } from "@/contexts/tax/domain/credit-note.entity";
import type { Invoice } from "@/contexts/tax/domain/invoice.entity";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { date, issueInvoice, lineRequest, qty, rate, SELLER } from "../support/tax-domain-fixtures";

const rates = [rate("VAT", 2000), rate("ECO", 150)];
const invoiceOf = () =>
  issueInvoice([lineRequest("3", 333, ["VAT", "ECO"]), lineRequest("0.125", 1999, ["VAT"])], rates);

function credit(invoice: Invoice, lines: CreditLineRequest[] | null, creditedBefore = new Map<number, Quantity>()) {
  return CreditNoteDraft.create({
    invoice,
    creditedBefore,
    lines,
    reason: "returned",
    restock: true,
    issueDate: date("2026-12-05"),
    seller: SELLER,
  });
}

describe("CreditNoteDraft", () => {
  it("credits the whole invoice when no lines are given: same amounts as the invoice", () => {
    const invoice = invoiceOf();
    const result = credit(invoice, null);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.props.totals).toEqual(invoice.props.totals);
    expect(result.value.props.lines.map((l) => [l.lineNumber, l.quantity.toString()])).toEqual([
      [1, "3"],
      [2, "0.125"],
    ]);
    expect(result.value.props.invoiceNumber).toBe(invoice.props.number);
    expect(result.value.props.restock).toBe(true);
  });

  it("credits part of a line with the invoice's rounding and the invoice's rates", () => {
    const result = credit(invoiceOf(), [{ lineNumber: 1, quantity: qty("1") }]);
    if (!result.ok) throw new Error(result.error.message);
    const [line] = result.value.props.lines;
    expect(line?.amounts.net.minor).toBe(333n);
    expect(line?.amounts.taxes.map((t) => [t.code, t.amount.minor])).toEqual([
      ["VAT", 67n], // 66.6
      ["ECO", 5n], // 4.995
    ]);
  });

  it("the whole credit after a partial one credits exactly the rest", () => {
    const invoice = invoiceOf();
    const first = credit(invoice, [{ lineNumber: 1, quantity: qty("1") }]);
    if (!first.ok) throw new Error("first");
    const rest = credit(invoice, null, new Map([[1, qty("1")]]));
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value.props.lines.map((l) => [l.lineNumber, l.quantity.toString()])).toEqual([
      [1, "2"],
      [2, "0.125"],
    ]);
    const credited = first.value.props.totals.gross.add(rest.value.props.totals.gross);
    expect(credited.equals(invoice.props.totals.gross)).toBe(true);
  });

  it("refuses more than remains, unknown lines, duplicates, zero, a cancelled invoice, nothing left", () => {
    const invoice = invoiceOf();
    const over = credit(invoice, [{ lineNumber: 1, quantity: qty("2.001") }], new Map([[1, qty("1")]]));
    expect(!over.ok && over.error).toMatchObject({
      code: "credit-exceeds-invoiced",
      lines: [{ lineNumber: 1, requested: "2.001", remaining: "2" }],
    });
    const unknown = credit(invoice, [{ lineNumber: 3, quantity: qty("1") }]);
    expect(!unknown.ok && unknown.error.code).toBe("unknown-invoice-line");
    const twice = credit(invoice, [
      { lineNumber: 1, quantity: qty("1") },
      { lineNumber: 1, quantity: qty("1") },
    ]);
    expect(!twice.ok && twice.error.code).toBe("invalid-credit-line");
    expect(credit(invoice, [{ lineNumber: 1, quantity: qty("0") }]).ok).toBe(false);
    expect(credit(invoice, []).ok).toBe(false);
    const done = credit(
      invoice,
      null,
      new Map([
        [1, qty("3")],
        [2, qty("0.125")],
      ]),
    );
    expect(!done.ok && done.error.code).toBe("nothing-to-credit");
    const cancelled = invoice.cancel({
      reason: "x",
      at: Timestamp.now(),
      today: date("2026-12-02"),
      hasCreditNotes: false,
    });
    if (!cancelled.ok) throw new Error("cancel");
    const onCancelled = credit(cancelled.value, null);
    expect(!onCancelled.ok && onCancelled.error.code).toBe("invoice-cancelled");
  });

  it("whatever sequence of credit requests, no line is credited beyond its quantity or amounts", () => {
    const requestArb = fc.array(
      fc.option(
        fc.array(fc.record({ lineNumber: fc.integer({ min: 1, max: 2 }), milli: fc.bigInt({ min: 1n, max: 4000n }) }), {
          minLength: 1,
          maxLength: 2,
        }),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(requestArb, (requests) => {
        const invoice = invoiceOf();
        const credited = new Map<number, Quantity>();
        const notes = [];
        for (const request of requests) {
          const lines = request === null ? null : request.map((r) => ({ ...r, quantity: Quantity.fromMilli(r.milli) }));
          const result = credit(invoice, lines, new Map(credited));
          if (!result.ok) continue;
          const note = result.value.issue(Uuid.generate(), "CN-2026-000001", Timestamp.now());
          notes.push(note);
          for (const line of note.props.lines) {
            credited.set(line.lineNumber, (credited.get(line.lineNumber) ?? Quantity.ZERO).add(line.quantity));
          }
        }
        for (const line of invoice.lines) {
          const notesLines = notes.flatMap((n) => n.props.lines.filter((l) => l.lineNumber === line.lineNumber));
          const quantity = notesLines.reduce((q, l) => q.add(l.quantity), Quantity.ZERO);
          expect(quantity.compare(line.quantity)).toBeLessThanOrEqual(0);
          const net = Money.sum(notesLines.map((l) => l.amounts.net));
          const tax = Money.sum(notesLines.map((l) => l.amounts.tax));
          expect(net.compare(line.amounts.net)).toBeLessThanOrEqual(0);
          expect(tax.compare(line.amounts.tax)).toBeLessThanOrEqual(0);
          if (quantity.equals(line.quantity)) {
            expect(net.equals(line.amounts.net) && tax.equals(line.amounts.tax)).toBe(true);
          }
        }
      }),
    );
  });
});
