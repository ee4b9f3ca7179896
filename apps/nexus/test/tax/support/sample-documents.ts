import {
  type CreditNoteDto,
  type InvoiceDto,
  toCreditNoteDto,
  toInvoiceDto,
} from "@/contexts/tax/application/tax-document.dto";
import { CreditNoteDraft } from "@/contexts/tax/domain/credit-note.entity";
import type { Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { date, issueInvoice, lineRequest, qty, rate, SELLER } from "./tax-domain-fixtures";

/** An invoice with two rates, a reduced-rate line, a fractional quantity and a non-ASCII name. */
export function sampleDocuments(): { invoice: InvoiceDto; creditNote: CreditNoteDto } {
  return documentsOf();
}

/**
 * Many rates: standard 19 %, reduced 7 % under two codes (one VAT row for both), zero rated, a
 * product with two codes valid at once (19 % + a 2 % levy = one 21 % line), many lines whose
 * per-line rounding differs from rounding the rate's total; a buyer with a VAT id without prefix.
 */
export function multiRateDocuments(): { invoice: InvoiceDto; creditNote: CreditNoteDto } {
  const rates = [rate("VAT-STD", 1900), rate("VAT-RED", 700), rate("FOOD", 700), rate("ZERO", 0), rate("LEVY", 200)];
  const line = (quantity: string, price: number, codes: string[], name: string) => ({
    ...lineRequest(quantity, price, codes),
    productName: name,
  });
  const lines = [
    line("1.333", 1999, ["VAT-STD"], "Torte"),
    line("0.125", 3333, ["VAT-RED"], "Butter"),
    line("7", 133, ["FOOD"], "Brötchen"),
    line("2", 250, ["ZERO"], "Pfand"),
    line("3.5", 1011, ["VAT-STD", "LEVY"], "Zuckergetränk"),
    ...Array.from({ length: 12 }, (_, i) =>
      line(`${i + 1}.${String((i * 137) % 1000).padStart(3, "0")}`, 999 + i, ["VAT-RED"], `Keks ${i + 1}`),
    ),
  ];
  const { invoice, creditNote } = documentsOf(lines, rates, [
    { lineNumber: 1, quantity: qty("1.333") },
    { lineNumber: 3, quantity: qty("2") },
    { lineNumber: 4, quantity: qty("1") },
    { lineNumber: 5, quantity: qty("0.5") },
  ]);
  const customer = { name: "Café Süd", taxId: "136695976", address: null };
  return { invoice: { ...invoice, customer }, creditNote: { ...creditNote, customer } };
}

function documentsOf(
  lines = [
    { ...lineRequest("2.5", 1999, ["VAT-STD"]), productName: "Roggenbrot groß", sku: "RYE-1", unit: "unit" },
    { ...lineRequest("0.125", 3333, ["VAT-RED"]), productName: "Butter", sku: "BUT-9", unit: "kg" },
    { ...lineRequest("3", 250, ["EXEMPT"]), productName: "Deposit crate", sku: "DEP-1", unit: "unit" },
    { ...lineRequest("1", 1, ["VAT-STD"]), productName: "Paper bag", sku: "BAG-1", unit: "unit" },
  ],
  rates = [rate("VAT-STD", 1900), rate("VAT-RED", 700), rate("EXEMPT", 0)],
  credited = [
    { lineNumber: 1, quantity: qty("1") },
    { lineNumber: 2, quantity: qty("0.125") },
  ],
): { invoice: InvoiceDto; creditNote: CreditNoteDto } {
  const invoice = issueInvoice(lines, rates);
  const draft = unwrap(
    CreditNoteDraft.create({
      invoice,
      creditedBefore: new Map<number, Quantity>(),
      lines: credited,
      reason: "Returned: damaged in transport",
      restock: true,
      issueDate: date("2026-12-04"),
      seller: SELLER,
    }),
  );
  const note = draft.issue(Uuid.generate(), "CN-2026-000001", Timestamp.now());
  return { invoice: toInvoiceDto(invoice), creditNote: toCreditNoteDto(note) };
}
