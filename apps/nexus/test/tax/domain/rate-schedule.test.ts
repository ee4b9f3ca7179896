import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarDate } from "@/contexts/tax/domain/calendar-date.value-object";
import { checkNoOverlap, ratesOn } from "@/contexts/tax/domain/rate-schedule.rule";
import { TaxRate } from "@/contexts/tax/domain/tax-rate.entity";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { code, date, ORG, rate } from "../support/tax-domain-fixtures";

const day = (n: number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  return date(d.toISOString().slice(0, 10));
};

describe("TaxRate", () => {
  it("accepts 0..10000 basis points and refuses the rest", () => {
    const make = (bp: number, from = "2026-01-01", to: string | null = null) =>
      TaxRate.create({
        id: Uuid.generate(),
        organizationId: ORG,
        code: code("VAT"),
        name: "VAT",
        rateBasisPoints: bp,
        validFrom: date(from),
        validTo: to === null ? null : date(to),
      });
    expect(make(0).ok).toBe(true);
    expect(make(10_000).ok).toBe(true);
    for (const bp of [-1, 10_001, 12.5, Number.NaN]) {
      const result = make(bp);
      expect(!result.ok && result.error.field).toBe("rateBasisPoints");
    }
    const reversed = make(2000, "2026-02-01", "2026-01-31");
    expect(!reversed.ok && reversed.error.field).toBe("validTo");
    expect(make(2000, "2026-02-01", "2026-02-01").ok).toBe(true); // one day, bounds inclusive
  });

  it("is valid on its bounds (inclusive) and not outside them", () => {
    const r = rate("VAT", 2000, "2026-01-01", "2026-06-30");
    expect([r.isValidOn(date("2025-12-31")), r.isValidOn(date("2026-01-01"))]).toEqual([false, true]);
    expect([r.isValidOn(date("2026-06-30")), r.isValidOn(date("2026-07-01"))]).toEqual([true, false]);
    expect(rate("VAT", 2000, "2026-01-01").isValidOn(date("2999-12-31"))).toBe(true);
  });
});

describe("rate schedule: periods of one code never overlap", () => {
  it("refuses a period sharing a day, accepts the adjacent one and other codes", () => {
    const existing = [rate("VAT", 1900, "2020-01-01", "2026-12-31")];
    const overlap = checkNoOverlap(existing, rate("VAT", 2000, "2026-12-31"));
    expect(!overlap.ok && overlap.error.code).toBe("rate-period-overlap");
    expect(checkNoOverlap(existing, rate("VAT", 2000, "2027-01-01")).ok).toBe(true);
    expect(checkNoOverlap(existing, rate("ECO", 100, "2026-01-01")).ok).toBe(true);
    const openEnded = [rate("VAT", 1900, "2027-01-01")];
    expect(checkNoOverlap(openEnded, rate("VAT", 2000, "2030-01-01", "2030-12-31")).ok).toBe(false);
    expect(checkNoOverlap(openEnded, rate("VAT", 2000, "2019-01-01", "2026-12-31")).ok).toBe(true);
  });

  it("whatever is proposed, the accepted rates give each code at most one rate on any day", () => {
    const periodArb = fc
      .tuple(fc.constantFrom("VAT", "ECO"), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 30 })))
      .map(([c, start, length]) => ({ c, start, end: length === null ? null : start + length }));
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 12 }), (periods) => {
        const accepted: TaxRate[] = [];
        for (const p of periods) {
          const candidate = rate(p.c, 1000, day(p.start).toString(), p.end === null ? null : day(p.end).toString());
          if (checkNoOverlap(accepted, candidate).ok) accepted.push(candidate);
        }
        for (let n = 0; n <= 95; n += 1) {
          for (const c of ["VAT", "ECO"]) {
            expect(accepted.filter((r) => r.code === c && r.isValidOn(day(n))).length).toBeLessThanOrEqual(1);
          }
        }
        // and pairwise: no two accepted rates overlap
        for (const [i, a] of accepted.entries())
          for (const b of accepted.slice(i + 1)) expect(a.overlaps(b)).toBe(false);
      }),
    );
  });

  it("ratesOn picks the rate valid on the day for each requested code", () => {
    const rates = [rate("VAT", 1900, "2020-01-01", "2026-12-31"), rate("VAT", 2000, "2027-01-01"), rate("ECO", 50)];
    expect(ratesOn(rates, [code("VAT"), code("ECO")], date("2026-12-31")).map((r) => r.rateBasisPoints)).toEqual([
      1900, 50,
    ]);
    expect(ratesOn(rates, [code("VAT")], date("2027-01-01")).map((r) => r.rateBasisPoints)).toEqual([2000]);
    expect(ratesOn(rates, [code("LUX")], date("2027-01-01"))).toEqual([]);
  });
});

describe("CalendarDate", () => {
  it("parses real calendar days only", () => {
    expect(CalendarDate.parse("2028-02-29").ok).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-01", "2026-01-01T00:00:00Z", "1900-02-29"]) {
      expect(CalendarDate.parse(bad).ok).toBe(false);
    }
  });

  it("knows the day of an instant in a time zone", () => {
    const instant = Date.UTC(2026, 11, 2, 23, 30); // 23:30 UTC
    expect(CalendarDate.ofInstant(instant, "UTC").toString()).toBe("2026-12-02");
    expect(CalendarDate.ofInstant(instant, "Europe/Berlin").toString()).toBe("2026-12-03");
    expect(CalendarDate.ofInstant(instant, "America/New_York").toString()).toBe("2026-12-02");
  });
});
