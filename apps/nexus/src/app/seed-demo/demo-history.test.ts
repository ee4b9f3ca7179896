import { describe, expect, it } from "vitest";
import { DEMO_PRODUCTS } from "./demo-business";
import { demoHistory } from "./demo-history";

const total = (lines: readonly { product: string; quantity: number }[], product: string) =>
  lines.filter((l) => l.product === product).reduce((sum, l) => sum + l.quantity, 0);

describe("the demo history", () => {
  const days = demoHistory("2026-06-30", 90);

  it("is the same on every run, ends on the given day and has no Sundays", () => {
    expect(demoHistory("2026-06-30", 90)).toEqual(days);
    expect(days.at(-1)?.date).toBe("2026-06-30");
    expect(days.filter((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay() === 0)).toEqual([]);
    expect(days).toHaveLength(77);
  });

  it("sells exactly what it bakes, and never before it is baked", () => {
    for (const { key } of DEMO_PRODUCTS) {
      let stock = 0;
      for (const day of days) {
        stock +=
          total(day.orders, key) -
          total(
            day.invoices.flatMap((i) => i.lines),
            key,
          );
        expect(stock, `${key} on ${day.date}`).toBeGreaterThanOrEqual(0);
      }
      expect(stock, key).toBe(0);
    }
  });

  it("has one cancellation and three credit notes", () => {
    expect(days.filter((d) => d.cancellation)).toHaveLength(1);
    expect(days.filter((d) => d.creditNote)).toHaveLength(3);
  });
});
