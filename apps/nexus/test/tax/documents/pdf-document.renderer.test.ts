import { describe, expect, it } from "vitest";
import type { CreditNoteDto, InvoiceDto } from "@/contexts/tax/application/tax-document.dto";
import { formatAmount } from "@/contexts/tax/infrastructure/documents/currency-amount";
import { renderPdf } from "@/contexts/tax/infrastructure/documents/pdf-document.renderer";
import { pdfText } from "../support/pdf-text";
import { sampleDocuments } from "../support/sample-documents";

function expectDocumentText(text: string, doc: InvoiceDto | CreditNoteDto) {
  const money = (minor: number) => `${formatAmount(minor, doc.currency)} ${doc.currency}`;
  expect(text).toContain(doc.number);
  expect(text).toContain(`Total net: ${money(doc.totals.net)}`);
  expect(text).toContain(`Total tax: ${money(doc.totals.tax)}`);
  expect(text).toContain(`Total gross: ${money(doc.totals.gross)}`);
  expect(text).toContain(doc.seller.legalName);
  // The line table starts below the longer of the two party blocks, not over the seller's last lines.
  const sellerTaxId = text.indexOf(`Tax ID: ${doc.seller.taxId}`);
  expect(sellerTaxId).toBeGreaterThan(-1);
  expect(text.indexOf("# Product")).toBeGreaterThan(sellerTaxId);
  expect(text).toContain(doc.customer.name);
  for (const line of doc.lines) {
    expect(text).toContain(`${line.productName} (${line.sku})`);
    expect(text).toContain(`${line.quantity} ${line.unit}`);
    expect(text).toContain(money(line.net));
  }
}

describe("PDF print", () => {
  const { invoice, creditNote } = sampleDocuments();

  it("an invoice shows its number, every line and the totals", async () => {
    const pdf = await renderPdf({ kind: "invoice", document: invoice });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    expectDocumentText(pdfText(pdf), invoice);
  });

  it("a credit note names the invoice it credits", async () => {
    const text = pdfText(await renderPdf({ kind: "credit-note", document: creditNote }));
    expectDocumentText(text, creditNote);
    expect(text).toContain(`Credits invoice ${creditNote.invoiceNumber}`);
  });

  it("names outside Latin-1 (Polish, Czech, Greek, Cyrillic) come out as written", async () => {
    const names = ["Chleb żytni łódzki", "Chléb žitný ŽĎÁR", "Ψωμί σίκαλης", "Хлеб ржаной"];
    const lines = invoice.lines.map((line, i) => ({ ...line, productName: names[i] ?? line.productName }));
    const seller = { ...invoice.seller, legalName: "Pekárna Žďár s.r.o. / Αρτοποιείο Ωμέγα" };
    const customer = { ...invoice.customer, name: "Piekarnia Łódź — Пекарня «Хлеб»" };
    const international = { ...invoice, seller, customer, lines };
    const text = pdfText(await renderPdf({ kind: "invoice", document: international }));
    expectDocumentText(text, international);
    for (const name of ["Piekarnia Łódź", "Pekárna Žďár", "Αρτοποιείο", "Пекарня", ...names])
      expect(text).toContain(name);
  });

  it("a long invoice runs over pages and keeps every line", async () => {
    const [first] = invoice.lines;
    if (!first) throw new Error("line");
    const lines = Array.from({ length: 80 }, (_, i) => ({ ...first, lineNumber: i + 1, productName: `Loaf ${i + 1}` }));
    const long = { ...invoice, lines };
    const text = pdfText(await renderPdf({ kind: "invoice", document: long }));
    for (const line of lines) expect(text).toContain(`${line.productName} (${line.sku})`);
  });
});
