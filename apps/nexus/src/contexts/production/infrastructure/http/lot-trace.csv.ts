import type { LotTrace } from "../../application/ports/production-read-model.port";

const HEADER = [
  "relation",
  "lot_code",
  "lot_kind",
  "item",
  "supplier",
  "order_id",
  "product",
  "product_lot_code",
  "ingredient_lot_code",
  "expires_on",
  "invoice_number",
  "invoice_date",
  "customer",
  "quantity",
  "cost",
] as const;

type Row = Partial<Record<(typeof HEADER)[number], string | number | null>>;

/**
 * The trace as one flat, sortable sheet: a row per relation (the orders that used the lot, the
 * ingredient lots a product lot consumed, the invoices that shipped it). RFC 4180, CRLF.
 */
export function lotTraceCsv(trace: LotTrace): string {
  const { lot } = trace;
  const common: Row = { lot_code: lot.code, lot_kind: lot.itemKind, item: lot.itemName, supplier: lot.supplier };
  const rows: Row[] = [
    ...trace.usedIn.map((u) => ({
      ...common,
      relation: "used-in-order",
      order_id: u.orderId,
      product: u.productName,
      product_lot_code: u.productLot?.code ?? null,
      expires_on: u.productLot?.expiresOn ?? null,
      quantity: u.quantity,
      cost: u.cost,
    })),
    ...trace.consumed.map((c) => ({
      ...common,
      relation: "consumed-ingredient-lot",
      order_id: lot.orderId,
      item: c.ingredientName,
      supplier: c.supplier,
      ingredient_lot_code: c.code,
      expires_on: c.expiresOn,
      quantity: c.quantity,
      cost: c.cost,
    })),
    ...trace.shipments.map((s) => ({
      ...common,
      relation: s.cancelled ? "shipped-on-cancelled-invoice" : "shipped-on-invoice",
      product_lot_code: s.productLotCode,
      invoice_number: s.number,
      invoice_date: s.issueDate,
      customer: s.customer,
      quantity: s.quantity,
    })),
  ];
  const lines = [HEADER.join(","), ...rows.map((row) => HEADER.map((column) => cell(row[column])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Quoted when needed; text a spreadsheet would run as a formula gets a leading apostrophe. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
