import fc from "fast-check";
import { LocalDate } from "@/contexts/bi/domain/local-date.value-object";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";

export { Money, Quantity };

export function unwrapQuantity(text: string): Quantity {
  const parsed = Quantity.parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

export function date(text: string): LocalDate {
  const parsed = LocalDate.parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

export const arbitraryMoney = (max = 10n ** 9n) => fc.bigInt({ min: 0n, max }).map((n) => Money.ofMinor(n));
export const arbitraryQuantity = fc.bigInt({ min: 1n, max: 10n ** 7n }).map((n) => Quantity.fromMilli(n));
export const arbitraryDay = fc.integer({ min: 20_000, max: 20_400 }).map(LocalDate.fromEpochDay);
export const arbitraryProductId = fc.constantFrom("p-a", "p-b", "p-c", "p-d");
