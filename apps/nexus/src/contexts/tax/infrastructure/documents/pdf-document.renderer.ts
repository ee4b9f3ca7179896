import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create } from "fontkit";
import PDFDocument from "pdfkit";
import type { DocumentLineDto, RenderableDocument } from "../../application/tax-document.dto";
import type { Customer, FiscalIdentity } from "../../domain/party.value-objects";
import { formatAmount, formatPercent } from "./currency-amount";

const MARGIN = 50;
// x positions of the line table's columns (A4 is 595 pt wide).
const COLUMNS = { no: 50, product: 75, quantity: 270, price: 340, net: 410, tax: 475 } as const;
// Noto Sans (SIL OFL 1.1) covers Latin incl. Extended, Greek and Cyrillic, so Polish, Czech, Greek or
// Bulgarian names print as written; the standard Helvetica is WinAnsi (Latin-1) only. pdfkit embeds
// a subset of the glyphs used, with a ToUnicode map, so the text stays extractable.
const REGULAR = "Body";
const BOLD = "Body-Bold";
// Parsed once: a fresh parse per document costs ~15x the rendering (fontkit reads the layout tables
// lazily and caches them on the Font). pdfkit accepts a parsed fontkit Font (since 0.20), which
// @types/pdfkit does not list yet, hence the cast.
let fonts: Record<typeof REGULAR | typeof BOLD, PDFKit.Mixins.PDFFontSource> | undefined;

function embeddedFonts(): NonNullable<typeof fonts> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const open = (face: string) => {
      const font = create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${face}.ttf`)));
      return font as unknown as PDFKit.Mixins.PDFFontSource;
    };
    fonts = { [REGULAR]: open("400Regular/NotoSans_400Regular"), [BOLD]: open("700Bold/NotoSans_700Bold") };
  }
  return fonts;
}

/** A printable A4 PDF of the same document as the JSON and the XML. */
export function renderPdf(input: RenderableDocument): Promise<Uint8Array> {
  const { kind, document: doc } = input;
  const money = (minor: number) => `${formatAmount(minor, doc.currency)} ${doc.currency}`;
  const pdf = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${doc.number}` } });
  for (const [name, font] of Object.entries(embeddedFonts())) pdf.registerFont(name, font);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });

  pdf
    .font(BOLD)
    .fontSize(18)
    .text(`${kind === "invoice" ? "Invoice" : "Credit note"} ${doc.number}`);
  pdf.font(REGULAR).fontSize(10).moveDown(0.5).text(`Issue date: ${doc.issueDate}`);
  if (input.kind === "credit-note") {
    const note = input.document;
    pdf.text(`Credits invoice ${note.invoiceNumber} of ${note.invoiceIssueDate}. Reason: ${note.reason}`);
  } else if (input.document.status === "cancelled") {
    pdf.font(BOLD).text(`CANCELLED: ${input.document.cancellationReason}`).font(REGULAR);
  }
  pdf.moveDown();
  const top = pdf.y;
  const sellerBottom = partyBlock(pdf, "Seller", sellerLines(doc.seller), MARGIN, top);
  const customerBottom = partyBlock(pdf, "Customer", customerLines(doc.customer), 310, top);
  // Below the longer block: the table must not print over the seller's tax ID.
  pdf.x = MARGIN;
  pdf.y = Math.max(sellerBottom, customerBottom);
  pdf.moveDown(2);

  row(pdf, ["#", "Product", "Quantity", "Unit price", "Net", "Tax"], true);
  for (const line of doc.lines) row(pdf, lineCells(line, money), false);
  pdf.moveDown();

  pdf.font(BOLD).text("Tax breakdown", MARGIN);
  pdf.font(REGULAR);
  for (const t of doc.taxBreakdown) {
    pdf.text(`${t.code} ${formatPercent(t.rateBasisPoints)} %: on ${money(t.taxableAmount)} tax ${money(t.taxAmount)}`);
  }
  pdf.moveDown();
  pdf.text(`Total net: ${money(doc.totals.net)}`);
  pdf.text(`Total tax: ${money(doc.totals.tax)}`);
  pdf.font(BOLD).text(`Total gross: ${money(doc.totals.gross)}`);
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

/** Prints a titled block at (x, y) and returns the y below it. */
function partyBlock(pdf: PDFKit.PDFDocument, title: string, lines: string[], x: number, y: number): number {
  pdf.font(BOLD).text(title, x, y, { width: 230 });
  pdf.font(REGULAR);
  for (const line of lines) pdf.text(line, x, pdf.y, { width: 230 });
  return pdf.y;
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
  pdf.font(header ? BOLD : REGULAR).fontSize(9);
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
