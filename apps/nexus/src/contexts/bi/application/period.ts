import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import { LocalDate } from "../domain/local-date.value-object";
import type { BiError } from "./bi.errors";

/** Longest period one query covers: about ten years of days. */
export const MAX_PERIOD_DAYS = 3660;
/** Without `from`, a period ends `to` and covers this many days. */
export const DEFAULT_PERIOD_DAYS = 30;

export interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * Resolves `from` and `to` (both inclusive, YYYY-MM-DD in the organization's calendar). Missing `to`
 * means today there; missing `from` the 30 days up to `to`.
 */
export function resolvePeriod(
  input: { readonly from?: string | undefined; readonly to?: string | undefined },
  today: LocalDate,
): Result<Period, BiError> {
  const to = input.to === undefined ? ok(today) : LocalDate.parse(input.to);
  const from =
    input.from === undefined && to.ok
      ? ok(to.value.plusDays(1 - DEFAULT_PERIOD_DAYS))
      : LocalDate.parse(input.from ?? "");
  if (!to.ok) return invalid(to.error);
  if (!from.ok) return invalid(from.error);
  if (from.value.compare(to.value) > 0) {
    return err({ code: "invalid-period", message: `from (${from.value}) is after to (${to.value})` });
  }
  if (to.value.epochDay - from.value.epochDay + 1 > MAX_PERIOD_DAYS) {
    return err({ code: "period-too-long", message: `a period covers at most ${MAX_PERIOD_DAYS} days` });
  }
  return ok({ from: from.value, to: to.value });
}

function invalid(error: DomainError): Result<never, BiError> {
  return err({ code: "invalid-period", message: error.message });
}
