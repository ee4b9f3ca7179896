import PDFDocument from "pdfkit";
import type { DocumentLineDto, RenderableDocument } from "../../application/tax-document.dto";
import type { Customer, FiscalIdentity } from "../../domain/party.value-objects";
import { formatAmount, formatPercent } from "./currency-amount";

const MARGIN = 50;
// x positions of the line table's columns (A4 is 595 pt wide).
const COLUMNS = { no: 50, product: 75, quantity: 270, price: 340, net: 410, tax: 475 } as const;

/**
 * A printable A4 PDF of the same document as the JSON and the XML. The standard Helvetica font
 * keeps the output small and reproducible; it covers Latin-1 (WinAnsi), not every script.
 */
export function renderPdf(input: RenderableDocument): Promise<Uint8Array> {
  const { kind, document: doc } = input;
  const money = (minor: number) => `${formatAmount(minor, doc.currency)} ${doc.currency}`;
  const pdf = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${doc.number}` } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });

  pdf
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(`${kind === "invoice" ? "Invoice" : "Credit note"} ${doc.number}`);
  pdf.font("Helvetica").fontSize(10).moveDown(0.5).text(`Issue date: ${doc.issueDate}`);
  if (input.kind === "credit-note") {
    const note = input.document;
    pdf.text(`Credits invoice ${note.invoiceNumber} of ${note.invoiceIssueDate}. Reason: ${note.reason}`);
  } else if (input.document.status === "cancelled") {
    pdf.font("Helvetica-Bold").text(`CANCELLED: ${input.document.cancellationReason}`).font("Helvetica");
  }
  pdf.moveDown();
  const top = pdf.y;
  partyBlock(pdf, "Seller", sellerLines(doc.seller), MARGIN, top);
  partyBlock(pdf, "Customer", customerLines(doc.customer), 310, top);
  pdf.x = MARGIN;
  pdf.moveDown(2);

  row(pdf, ["#", "Product", "Quantity", "Unit price", "Net", "Tax"], true);
  for (const line of doc.lines) row(pdf, lineCells(line, money), false);
  pdf.moveDown();

  pdf.font("Helvetica-Bold").text("Tax breakdown", MARGIN);
  pdf.font("Helvetica");
  for (const t of doc.taxBreakdown) {
    pdf.text(`${t.code} ${formatPercent(t.rateBasisPoints)} %: on ${money(t.taxableAmount)} tax ${money(t.taxAmount)}`);
  }
  pdf.moveDown();
  pdf.text(`Total net: ${money(doc.totals.net)}`);
  pdf.text(`Total tax: ${money(doc.totals.tax)}`);
  pdf.font("Helvetica-Bold").text(`Total gross: ${money(doc.totals.gross)}`);
  pdf.end();
  return done;
}

function sellerLines(seller: FiscalIdentity): string[] {
  const a = seller.address;
  return [seller.legalName, a.line1, `${a.postalCode} ${a.city}`, a.countryCode, `Tax ID: ${seller.taxId}`];
}

function customerLines(customer: Customer): string[] {
  const a = customer.address;
  const address = a ? [a.line1, `${a.postalCode} ${a.city}`, a.countryCode] : [];
  return [customer.name, ...address, ...(customer.taxId ? [`Tax ID: ${customer.taxId}`] : [])];
}

function partyBlock(pdf: PDFKit.PDFDocument, title: string, lines: string[], x: number, y: number): void {
  pdf.font("Helvetica-Bold").text(title, x, y, { width: 230 });
  pdf.font("Helvetica");
  for (const line of lines) pdf.text(line, x, pdf.y, { width: 230 });
}

function lineCells(line: DocumentLineDto, money: (minor: number) => string): string[] {
  return [
    String(line.lineNumber),
    `${line.productName} (${line.sku})`,
    `${line.quantity} ${line.unit}`,
    money(line.unitPrice),
    money(line.net),
    money(line.tax),
  ];
}

function row(pdf: PDFKit.PDFDocument, cells: string[], header: boolean): void {
  if (pdf.y > pdf.page.height - MARGIN - 40) pdf.addPage();
  const y = pdf.y;
  const xs = Object.values(COLUMNS);
  pdf.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(9);
  let bottom = y;
  cells.forEach((cell, i) => {
    const x = xs[i] ?? MARGIN;
    const width = (xs[i + 1] ?? 545) - x - 5;
    pdf.text(cell, x, y, { width });
    bottom = Math.max(bottom, pdf.y);
  });
  pdf.fontSize(10);
  pdf.x = MARGIN;
  pdf.y = bottom + 2;
}
