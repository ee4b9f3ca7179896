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
  const rates = [rate("VAT-STD", 1900), rate("VAT-RED", 700), rate("EXEMPT", 0)];
  const lines = [
    { ...lineRequest("2.5", 1999, ["VAT-STD"]), productName: "Roggenbrot groß", sku: "RYE-1", unit: "unit" },
    { ...lineRequest("0.125", 3333, ["VAT-RED"]), productName: "Butter", sku: "BUT-9", unit: "kg" },
    { ...lineRequest("3", 250, ["EXEMPT"]), productName: "Deposit crate", sku: "DEP-1", unit: "unit" },
    { ...lineRequest("1", 1, ["VAT-STD"]), productName: "Paper bag", sku: "BAG-1", unit: "unit" },
  ];
  const invoice = issueInvoice(lines, rates);
  const draft = unwrap(
    CreditNoteDraft.create({
      invoice,
      creditedBefore: new Map<number, Quantity>(),
      lines: [
        { lineNumber: 1, quantity: qty("1") },
        { lineNumber: 2, quantity: qty("0.125") },
      ],
      reason: "Returned: damaged in transport",
      restock: true,
      issueDate: date("2026-12-04"),
      seller: SELLER,
    }),
  );
  const note = draft.issue(Uuid.generate(), "CN-2026-000001", Timestamp.now());
  return { invoice: toInvoiceDto(invoice), creditNote: toCreditNoteDto(note) };
}
