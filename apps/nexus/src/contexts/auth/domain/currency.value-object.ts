import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import { CURRENCY_CODES } from "./currency-codes";

/** An ISO 4217 alphabetic code, upper-case: the organization's money unit (spec §3). */
export type Currency = string & { readonly __brand: "Currency" };
export type InvalidCurrency = DomainError<"invalid-currency">;

export const Currency = {
  parse(value: string): Result<Currency, InvalidCurrency> {
    const code = value.trim().toUpperCase();
    return /^[A-Z]{3}$/.test(code) && CURRENCY_CODES.has(code)
      ? ok(code as Currency)
      : err({ code: "invalid-currency", message: `"${value.slice(0, 16)}" is not an ISO 4217 currency code` });
  },
};
