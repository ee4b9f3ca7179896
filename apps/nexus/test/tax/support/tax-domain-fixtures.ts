import { CalendarDate } from "@/contexts/tax/domain/calendar-date.value-object";
import { type Invoice, InvoiceDraft, type InvoiceLineRequest } from "@/contexts/tax/domain/invoice.entity";
import type { FiscalIdentity } from "@/contexts/tax/domain/party.value-objects";
import { TaxCode } from "@/contexts/tax/domain/tax-code.value-object";
import { TaxRate } from "@/contexts/tax/domain/tax-rate.entity";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";

export const ORG = Uuid.generate();
export const date = (text: string) => unwrap(CalendarDate.parse(text));
export const qty = (text: string) => unwrap(Quantity.parse(text));
export const money = (minor: number | bigint) => Money.ofMinor(minor);
export const code = (text: string) => unwrap(TaxCode.parse(text));

export const SELLER: FiscalIdentity = {
  legalName: "Bakery Nord GmbH",
  taxId: "DE123456789",
  address: { line1: "Hauptstraße 1", city: "Berlin", postalCode: "10115", countryCode: "DE" },
};

export function rate(
  codeText: string,
  rateBasisPoints: number,
  validFrom = "2020-01-01",
  validTo: string | null = null,
): TaxRate {
  return unwrap(
    TaxRate.create({
      id: Uuid.generate(),
      organizationId: ORG,
      code: code(codeText),
      name: `${codeText} rate`,
      rateBasisPoints,
      validFrom: date(validFrom),
      validTo: validTo === null ? null : date(validTo),
    }),
  );
}

export function lineRequest(
  quantity: string,
  unitPrice: number,
  taxCodes: readonly string[] | null = ["VAT"],
): InvoiceLineRequest {
  return {
    productId: Uuid.generate(),
    productName: "Rye bread",
    sku: "RYE-1",
    unit: "unit",
    quantity: qty(quantity),
    unitPrice: money(unitPrice),
    taxCodes: taxCodes === null ? null : taxCodes.map(code),
  };
}

export function issueInvoice(
  lines: readonly InvoiceLineRequest[],
  rates: readonly TaxRate[] = [rate("VAT", 2000)],
  issueDate = "2026-12-02",
): Invoice {
  const draft = unwrap(
    InvoiceDraft.create({
      organizationId: ORG,
      issueDate: date(issueDate),
      currency: "EUR",
      seller: SELLER,
      customer: { name: "Café Süd", taxId: null, address: null },
      lines,
      rates,
    }),
  );
  return draft.issue(Uuid.generate(), "2026-000001", Timestamp.now());
}
