import { create } from "xmlbuilder2";
import type { DocumentLineDto, InvoiceDto, RenderableDocument } from "../../application/tax-document.dto";
import type { PostalAddress } from "../../domain/party.value-objects";
import { formatAmount, formatPercent } from "./currency-amount";
import { type LineVat, lineVat, type VatBreakdownRow, vatBreakdown, vatIdentifier } from "./en16931-vat";

const NS = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  "credit-note": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

export const EN16931_CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017";

// UN/ECE Recommendation 20 codes for the units production knows (BT-130).
const UNIT_CODES: Readonly<Record<string, string>> = { g: "GRM", kg: "KGM", ml: "MLT", l: "LTR", unit: "C62" };

type Node = Record<string, unknown>;

/**
 * A UBL 2.1 Invoice (type 380) or CreditNote (type 381) following the EN 16931 UBL binding, built
 * from the same DTO as the JSON document: every amount is the JSON figure, formatted in major units.
 * Elements appear in the order the UBL 2.1 schema's sequences require. Decisions: docs/adr/0011.
 */
export function renderUbl(input: RenderableDocument): string {
  const { kind, document: doc } = input;
  const currency = doc.currency;
  const amount = (minor: number) => ({ "@currencyID": currency, "#": formatAmount(minor, currency) });
  const isInvoice = kind === "invoice";
  const notes = isInvoice ? cancellationNote(doc as InvoiceDto) : [(input.document as { reason: string }).reason];
  const root: Node = {
    "@xmlns": NS[kind],
    "@xmlns:cac": NS.cac,
    "@xmlns:cbc": NS.cbc,
    "cbc:UBLVersionID": "2.1",
    "cbc:CustomizationID": EN16931_CUSTOMIZATION_ID,
    "cbc:ID": doc.number,
    "cbc:IssueDate": doc.issueDate,
    ...(isInvoice ? { "cbc:InvoiceTypeCode": "380" } : { "cbc:CreditNoteTypeCode": "381" }),
    ...(notes.length > 0 ? { "cbc:Note": notes } : {}),
    "cbc:DocumentCurrencyCode": currency,
    ...(input.kind === "credit-note"
      ? {
          "cac:BillingReference": {
            "cac:InvoiceDocumentReference": {
              "cbc:ID": input.document.invoiceNumber,
              "cbc:IssueDate": input.document.invoiceIssueDate,
            },
          },
        }
      : {}),
    "cac:AccountingSupplierParty": {
      "cac:Party": party(doc.seller.legalName, doc.seller.taxId, doc.seller.address),
    },
    "cac:AccountingCustomerParty": {
      // EN 16931 requires the buyer's country (BT-55): without an address the sale is taken as domestic.
      "cac:Party": party(
        doc.customer.name,
        doc.customer.taxId,
        doc.customer.address ?? { countryCode: doc.seller.address.countryCode },
      ),
    },
    // BR-CO-25: a positive amount due needs payment terms (a credit note's is the buyer's refund).
    "cac:PaymentTerms": { "cbc:Note": isInvoice ? "Payable on receipt" : "Refunded on receipt" },
    "cac:TaxTotal": {
      "cbc:TaxAmount": amount(doc.totals.tax),
      "cac:TaxSubtotal": vatBreakdown(doc.lines).map((row) => taxSubtotal(row, amount)),
    },
    "cac:LegalMonetaryTotal": {
      "cbc:LineExtensionAmount": amount(doc.totals.net),
      "cbc:TaxExclusiveAmount": amount(doc.totals.net),
      "cbc:TaxInclusiveAmount": amount(doc.totals.gross),
      "cbc:PayableAmount": amount(doc.totals.gross),
    },
    [isInvoice ? "cac:InvoiceLine" : "cac:CreditNoteLine"]: doc.lines.map((line) =>
      documentLine(line, isInvoice, amount),
    ),
  };
  const rootName = isInvoice ? "Invoice" : "CreditNote";
  // Characters XML cannot carry (control characters a client may have typed) become U+FFFD, never a 500.
  return create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "\uFFFD" }, { [rootName]: root }).end({
    prettyPrint: true,
  });
}

function cancellationNote(invoice: InvoiceDto): string[] {
  return invoice.status === "cancelled" ? [`CANCELLED ${invoice.cancelledAt}: ${invoice.cancellationReason}`] : [];
}

function party(name: string, taxId: string | null, address: Partial<PostalAddress>): Node {
  return {
    "cac:PostalAddress": {
      ...(address.line1 ? { "cbc:StreetName": address.line1 } : {}),
      ...(address.city ? { "cbc:CityName": address.city } : {}),
      ...(address.postalCode ? { "cbc:PostalZone": address.postalCode } : {}),
      "cac:Country": { "cbc:IdentificationCode": address.countryCode },
    },
    ...(taxId
      ? {
          "cac:PartyTaxScheme": {
            "cbc:CompanyID": vatIdentifier(taxId, address.countryCode),
            "cac:TaxScheme": { "cbc:ID": "VAT" },
          },
        }
      : {}),
    "cac:PartyLegalEntity": { "cbc:RegistrationName": name },
  };
}

/** BT-118/BT-119 (breakdown) and BT-151/BT-152 (line): the category and its rate. */
function taxCategory(vat: LineVat, name?: string): Node {
  return {
    "cbc:ID": vat.category,
    ...(name ? { "cbc:Name": name } : {}),
    "cbc:Percent": formatPercent(vat.rateBasisPoints),
    "cac:TaxScheme": { "cbc:ID": "VAT" },
  };
}

function taxSubtotal(row: VatBreakdownRow, amount: (minor: number) => Node): Node {
  return {
    "cbc:TaxableAmount": amount(row.taxableAmount),
    "cbc:TaxAmount": amount(row.taxAmount),
    "cac:TaxCategory": taxCategory(row, row.codes.join(" + ")),
  };
}

function documentLine(line: DocumentLineDto, isInvoice: boolean, amount: (minor: number) => Node): Node {
  return {
    "cbc:ID": String(line.lineNumber),
    [isInvoice ? "cbc:InvoicedQuantity" : "cbc:CreditedQuantity"]: {
      "@unitCode": UNIT_CODES[line.unit] ?? "C62",
      "#": line.quantity,
    },
    "cbc:LineExtensionAmount": amount(line.net),
    "cac:Item": {
      "cbc:Name": line.productName,
      "cac:SellersItemIdentification": { "cbc:ID": line.sku },
      // Exactly one per line (BG-30, UBL-SR-48); the breakdown row it falls in has the same category and rate.
      "cac:ClassifiedTaxCategory": taxCategory(lineVat(line)),
    },
    "cac:Price": { "cbc:PriceAmount": amount(line.unitPrice) },
  };
}
