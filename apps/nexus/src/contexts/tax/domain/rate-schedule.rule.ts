import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { CalendarDate } from "./calendar-date.value-object";
import type { TaxCode } from "./tax-code.value-object";
import type { TaxRate } from "./tax-rate.entity";

export type RatePeriodOverlap = DomainError<"rate-period-overlap"> & { readonly conflictingRateId: string };

/** Periods of one code never overlap: on any day a code has at most one rate. */
export function checkNoOverlap(existing: readonly TaxRate[], candidate: TaxRate): Result<TaxRate, RatePeriodOverlap> {
  const conflict = existing.find((rate) => rate.overlaps(candidate));
  if (!conflict) return ok(candidate);
  return err({
    code: "rate-period-overlap",
    message: `a rate of ${candidate.code} already applies during part of this period`,
    conflictingRateId: conflict.id,
  });
}

/** The rate each code has on `date`; codes without a rate that day are absent from the answer. */
export function ratesOn(rates: readonly TaxRate[], codes: readonly TaxCode[], date: CalendarDate): TaxRate[] {
  return codes.flatMap((code) => {
    const rate = rates.find((r) => r.code === code && r.isValidOn(date));
    return rate ? [rate] : [];
  });
}
