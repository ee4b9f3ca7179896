import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "xmlbuilder2";
import type { CreditNoteDto, InvoiceDto } from "@/contexts/tax/application/tax-document.dto";
import { renderUbl } from "@/contexts/tax/infrastructure/documents/ubl-document.renderer";
import { validateUbl21 } from "../../support/ubl21-schema";
import { sampleDocuments } from "../support/sample-documents";

type Xml = Record<string, unknown>;

const asList = (value: unknown): Xml[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Xml[];
const child = (node: unknown, name: string): Xml => {
  const found = (node as Xml)[name];
  if (found === undefined) throw new Error(`missing element ${name}`);
  return found as Xml;
};
const text = (node: unknown, name: string): string => {
  const value = child(node, name);
  return typeof value === "string" ? value : String((value as Xml)["#"]);
};
/** Minor units of a UBL amount ("19.99" → 1999), checking it is stated in the document currency. */
const minor = (node: unknown, name: string, currency: string): number => {
  const value = child(node, name);
  expect(value["@currencyID"]).toBe(currency);
  return Math.round(Number(value["#"]) * 100); // test-only parse of a 2-digit decimal string
};

function parse(xml: string, root: "Invoice" | "CreditNote"): Xml {
  return child(convert(xml, { format: "object" }) as Xml, root);
}

function expectMandatoryParty(party: Xml, name: string, country: string) {
  const p = child(party, "cac:Party");
  expect(text(child(p, "cac:PartyLegalEntity"), "cbc:RegistrationName")).toBe(name); // BT-27 / BT-44
  expect(text(child(child(p, "cac:PostalAddress"), "cac:Country"), "cbc:IdentificationCode")).toBe(country); // BT-40 / BT-55
}

function expectTotalsAndBreakdown(doc: Xml, json: InvoiceDto | CreditNoteDto) {
  const c = json.currency;
  const taxTotal = child(doc, "cac:TaxTotal");
  expect(minor(taxTotal, "cbc:TaxAmount", c)).toBe(json.totals.tax); // BT-110
  const subtotals = asList(taxTotal["cac:TaxSubtotal"]);
  expect(
    subtotals.map((s) => {
      const category = child(s, "cac:TaxCategory");
      expect(text(child(category, "cac:TaxScheme"), "cbc:ID")).toBe("VAT");
      return {
        code: text(category, "cbc:Name"),
        rateBasisPoints: Math.round(Number(text(category, "cbc:Percent")) * 100),
        taxableAmount: minor(s, "cbc:TaxableAmount", c), // BT-116
        taxAmount: minor(s, "cbc:TaxAmount", c), // BT-117
        category: text(category, "cbc:ID"), // BT-118
      };
    }),
  ).toEqual(json.taxBreakdown.map((row) => ({ ...row, category: row.rateBasisPoints > 0 ? "S" : "Z" })));
  const sumSubtotals = subtotals.reduce((sum, s) => sum + minor(s, "cbc:TaxAmount", c), 0);
  expect(sumSubtotals).toBe(json.totals.tax);
  const monetary = child(doc, "cac:LegalMonetaryTotal");
  expect(minor(monetary, "cbc:LineExtensionAmount", c)).toBe(json.totals.net); // BT-106
  expect(minor(monetary, "cbc:TaxExclusiveAmount", c)).toBe(json.totals.net); // BT-109
  expect(minor(monetary, "cbc:TaxInclusiveAmount", c)).toBe(json.totals.gross); // BT-112
  expect(minor(monetary, "cbc:PayableAmount", c)).toBe(json.totals.gross); // BT-115
}

function expectLines(lines: Xml[], json: InvoiceDto | CreditNoteDto, quantityElement: string) {
  const c = json.currency;
  expect(lines).toHaveLength(json.lines.length);
  const sum = lines.reduce((s, l) => s + minor(l, "cbc:LineExtensionAmount", c), 0);
  expect(sum).toBe(json.totals.net); // BR-CO-10: sum of line nets = BT-106
  lines.forEach((line, i) => {
    const expected = json.lines[i];
    if (!expected) throw new Error("line");
    expect(text(line, "cbc:ID")).toBe(String(expected.lineNumber)); // BT-126
    expect(text(line, quantityElement)).toBe(expected.quantity); // BT-129
    expect(child(line, quantityElement)["@unitCode"]).toMatch(/^[A-Z0-9]{2,3}$/); // BT-130
    expect(minor(line, "cbc:LineExtensionAmount", c)).toBe(expected.net); // BT-131
    const item = child(line, "cac:Item");
    expect(text(item, "cbc:Name")).toBe(expected.productName); // BT-153
    const [category] = asList(item["cac:ClassifiedTaxCategory"]);
    expect(text(category, "cbc:ID")).toMatch(/^[SZ]$/); // BT-151
    expect(Math.round(Number(text(category, "cbc:Percent")) * 100)).toBe(expected.taxes[0]?.rateBasisPoints); // BT-152
    expect(minor(child(line, "cac:Price"), "cbc:PriceAmount", c)).toBe(expected.unitPrice); // BT-146
  });
}

function expectHeader(doc: Xml, json: InvoiceDto | CreditNoteDto, typeElement: string, typeCode: string) {
  expect(text(doc, "cbc:CustomizationID")).toBe("urn:cen.eu:en16931:2017"); // BT-24
  expect(text(doc, "cbc:ID")).toBe(json.number); // BT-1
  expect(text(doc, "cbc:IssueDate")).toBe(json.issueDate); // BT-2
  expect(text(doc, typeElement)).toBe(typeCode); // BT-3
  expect(text(doc, "cbc:DocumentCurrencyCode")).toBe(json.currency); // BT-5
  expectMandatoryParty(child(doc, "cac:AccountingSupplierParty"), json.seller.legalName, "DE");
  const sellerTax = child(child(child(doc, "cac:AccountingSupplierParty"), "cac:Party"), "cac:PartyTaxScheme");
  expect(text(sellerTax, "cbc:CompanyID")).toBe(json.seller.taxId); // BT-31 (BR-S-02, BR-Z-02)
  expectMandatoryParty(child(doc, "cac:AccountingCustomerParty"), json.customer.name, "DE");
}

describe("UBL 2.1 e-invoice (EN 16931)", () => {
  const { invoice, creditNote } = sampleDocuments();

  it("an invoice carries every mandatory element, and its totals and VAT breakdown are the JSON's", () => {
    const xml = renderUbl({ kind: "invoice", document: invoice });
    const doc = parse(xml, "Invoice");
    expectHeader(doc, invoice, "cbc:InvoiceTypeCode", "380");
    expect(text(child(doc, "cac:PaymentTerms"), "cbc:Note")).toBeTruthy(); // BR-CO-25
    expectTotalsAndBreakdown(doc, invoice);
    expectLines(asList(doc["cac:InvoiceLine"]), invoice, "cbc:InvoicedQuantity");
    validateUbl21(xml, "Invoice");
  });

  it("a credit note references its invoice and adds up the same way", () => {
    const xml = renderUbl({ kind: "credit-note", document: creditNote });
    const doc = parse(xml, "CreditNote");
    expectHeader(doc, creditNote, "cbc:CreditNoteTypeCode", "381");
    const reference = child(child(doc, "cac:BillingReference"), "cac:InvoiceDocumentReference");
    expect(text(reference, "cbc:ID")).toBe(creditNote.invoiceNumber); // BT-25
    expect(text(reference, "cbc:IssueDate")).toBe(creditNote.invoiceIssueDate); // BT-26
    expectTotalsAndBreakdown(doc, creditNote);
    expectLines(asList(doc["cac:CreditNoteLine"]), creditNote, "cbc:CreditedQuantity");
    validateUbl21(xml, "CreditNote");
  });

  it("is well-formed for xmllint and escapes user text", () => {
    const hostile = { ...invoice, customer: { ...invoice.customer, name: `A & B <"Bakers">` } };
    const xml = renderUbl({ kind: "invoice", document: hostile });
    const file = join(mkdtempSync(join(tmpdir(), "ubl-")), "invoice.xml");
    writeFileSync(file, xml);
    const xpath = "string(//*[local-name()='AccountingCustomerParty']//*[local-name()='RegistrationName'])";
    const name = execFileSync("xmllint", ["--xpath", xpath, file], { encoding: "utf8" });
    expect(name.trim()).toBe(`A & B <"Bakers">`);
  });

  it("replaces characters XML cannot carry instead of failing", () => {
    const odd = { ...invoice, customer: { ...invoice.customer, name: "Bell\u0007 Bakery" } };
    const xml = renderUbl({ kind: "invoice", document: odd });
    expect(xml).toContain("Bell\uFFFD Bakery");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });
});
