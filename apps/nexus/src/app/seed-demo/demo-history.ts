import { DEMO_CUSTOMERS, DEMO_INGREDIENTS, DEMO_PRODUCTS, type IngredientKey, type ProductKey } from "./demo-business";

export interface DemoReceipt {
  readonly ingredient: IngredientKey;
  readonly quantity: number;
  readonly totalCost: number;
  readonly lotCode: string;
  readonly expiresOn: string;
}

export interface DemoLine {
  readonly product: ProductKey;
  readonly quantity: number;
}

export interface DemoInvoice {
  readonly customer: (typeof DEMO_CUSTOMERS)[number];
  readonly lines: readonly DemoLine[];
}

/** A credit note for the `invoice`-th invoice of the day `daysBack` working days earlier. */
export interface DemoCreditNote {
  readonly daysBack: number;
  readonly invoice: number;
  readonly lines: readonly { readonly lineNumber: number; readonly quantity: number }[];
  readonly reason: string;
  readonly restock: boolean;
}

export interface DemoDay {
  readonly date: string;
  readonly receipts: readonly DemoReceipt[];
  /** Produced that morning: an order per product whose batch day it is. */
  readonly orders: readonly DemoLine[];
  readonly invoices: readonly DemoInvoice[];
  /** The day's `invoice`-th invoice went to the wrong customer: cancelled (same day) and issued again. */
  readonly cancellation: { readonly invoice: number; readonly reissueTo: (typeof DEMO_CUSTOMERS)[number] } | null;
  readonly creditNote: DemoCreditNote | null;
}

const DAY_MS = 86_400_000;

/**
 * The demo's history: `days` calendar days ending on `lastDay`, closed on Sundays. Deterministic (a
 * fixed pseudo-random sequence), so every seeded database tells the same story: demand growing by a
 * third over the period, busier Fridays and Saturdays, everything baked sold, ingredients received
 * every Monday (and on the first day) in the quantities the coming week's recipes need plus a margin.
 */
export function demoHistory(lastDay: string, days: number): DemoDay[] {
  const random = mulberry32(12);
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  const dates = Array.from({ length: days }, (_, i) => new Date(last - (days - 1 - i) * DAY_MS))
    .filter((d) => d.getUTCDay() !== 0)
    .map((d) => d.toISOString().slice(0, 10));

  const demand = dates.map((date, i) => {
    const growth = 1 + (0.35 * i) / Math.max(1, dates.length - 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const busy = weekday === 6 ? 1.4 : weekday === 5 ? 1.15 : 1;
    return DEMO_PRODUCTS.map((p) => ({
      product: p.key,
      quantity: Math.max(1, Math.round(p.dailyDemand * growth * busy * (0.85 + 0.3 * random()))),
    }));
  });
  // Each product is baked on its batch days, for the demand of the days until its next batch.
  const production = dates.map((_, i) =>
    DEMO_PRODUCTS.filter((p) => i % p.batchEvery === 0).map((p) => ({
      product: p.key,
      quantity: demand
        .slice(i, i + p.batchEvery)
        .flat()
        .filter((d) => d.product === p.key)
        .reduce((sum, d) => sum + d.quantity, 0),
    })),
  );

  return dates.map((date, i) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return {
      date,
      receipts: weekday === 1 || i === 0 ? receipts(date, production.slice(i, nextMonday(dates, i))) : [],
      orders: production[i] ?? [],
      invoices: splitIntoInvoices(demand[i] ?? [], weekday === 6 ? 4 : 3, random),
      cancellation: i === Math.floor(dates.length * 0.45) ? { invoice: 0, reissueTo: DEMO_CUSTOMERS[5] } : null,
      creditNote: creditNoteOn(i, dates.length),
    };
  });
}

function nextMonday(dates: readonly string[], from: number): number {
  for (let j = from + 1; j < dates.length; j++) {
    if (new Date(`${dates[j]}T00:00:00Z`).getUTCDay() === 1) return j;
  }
  return dates.length;
}

/** What the given days' orders consume, plus 15%, rounded up; priced at the ingredient's cost. */
function receipts(date: string, days: readonly (readonly DemoLine[])[]): DemoReceipt[] {
  const needed = new Map<IngredientKey, number>();
  for (const orders of days) {
    for (const order of orders) {
      const recipe = DEMO_PRODUCTS.find((p) => p.key === order.product)?.recipe;
      if (!recipe) continue;
      for (const [ingredient, amount] of recipe.items) {
        needed.set(ingredient, (needed.get(ingredient) ?? 0) + (amount * order.quantity) / recipe.yield);
      }
    }
  }
  return DEMO_INGREDIENTS.filter((i) => (needed.get(i.key) ?? 0) > 0).map((i) => {
    const quantity = Math.ceil((needed.get(i.key) ?? 0) * 1.15);
    return {
      ingredient: i.key,
      quantity,
      totalCost: quantity * i.unitCost,
      lotCode: `${i.key.toUpperCase()}-${date.replaceAll("-", "")}`,
      expiresOn: new Date(Date.parse(`${date}T00:00:00Z`) + i.shelfLifeDays * DAY_MS).toISOString().slice(0, 10),
    };
  });
}

/** Every unit produced is sold that day, spread over `count` customers' invoices. */
function splitIntoInvoices(orders: readonly DemoLine[], count: number, random: () => number): DemoInvoice[] {
  const offset = Math.floor(random() * DEMO_CUSTOMERS.length);
  const invoices = Array.from({ length: count }, (_, k) => ({
    customer: DEMO_CUSTOMERS[(offset + k) % (DEMO_CUSTOMERS.length - 1)] ?? DEMO_CUSTOMERS[0],
    lines: [] as DemoLine[],
  }));
  for (const order of orders) {
    const weights = invoices.map(() => 0.2 + random());
    const total = weights.reduce((a, b) => a + b, 0);
    let left = order.quantity;
    invoices.forEach((invoice, k) => {
      const share =
        k === invoices.length - 1 ? left : Math.min(left, Math.round((order.quantity * (weights[k] ?? 0)) / total));
      left -= share;
      if (share > 0) invoice.lines.push({ product: order.product, quantity: share });
    });
  }
  return invoices.filter((invoice) => invoice.lines.length > 0);
}

function creditNoteOn(day: number, total: number): DemoCreditNote | null {
  const notes: Record<number, DemoCreditNote> = {
    [Math.floor(total * 0.3)]: {
      daysBack: 2,
      invoice: 1,
      lines: [{ lineNumber: 1, quantity: 3 }],
      reason: "Damaged in delivery",
      restock: false,
    },
    [Math.floor(total * 0.65)]: {
      daysBack: 1,
      invoice: 0,
      lines: [{ lineNumber: 2, quantity: 5 }],
      reason: "Wrong item delivered",
      restock: false,
    },
    [Math.floor(total * 0.85)]: {
      daysBack: 3,
      invoice: 2,
      lines: [{ lineNumber: 1, quantity: 2 }],
      reason: "Quality complaint: underbaked",
      restock: false,
    },
  };
  return notes[day] ?? null;
}

/** A small seeded generator (Mulberry32): the same history on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
