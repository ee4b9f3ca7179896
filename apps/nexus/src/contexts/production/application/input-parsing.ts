import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { type Allergen, isAllergen } from "../domain/allergen.value-object";
import { CalendarDate } from "../domain/calendar-date.value-object";
import { type FieldError, invalid, type ValidationFailed } from "../domain/production.errors";
import { isStockUnit, type StockUnit } from "../domain/stock-unit.value-object";

/**
 * Collects every invalid field of a request at once (the HTTP schemas check shapes; these check
 * values), so a client sees all its mistakes in one 422.
 */
export class InputParser {
  readonly errors: FieldError[] = [];

  quantity(text: string, pointer: string): Quantity {
    const parsed = Quantity.parse(text);
    if (parsed.ok) return parsed.value;
    this.errors.push({ pointer, message: 'must be a decimal string with at most 3 fraction digits, e.g. "12.5"' });
    return Quantity.ZERO;
  }

  optionalQuantity(text: string | null | undefined, pointer: string): Quantity | null {
    return text === null || text === undefined ? null : this.quantity(text, pointer);
  }

  money(minor: number, pointer: string): Money {
    if (Number.isSafeInteger(minor)) return Money.ofMinor(minor);
    this.errors.push({ pointer, message: "must be an integer amount in minor units" });
    return Money.ZERO;
  }

  date(text: string, pointer: string): CalendarDate {
    const parsed = CalendarDate.parse(text);
    if (parsed.ok) return parsed.value;
    this.errors.push({ pointer, message: parsed.error.message });
    return "1970-01-01" as CalendarDate;
  }

  optionalDate(text: string | null | undefined, pointer: string): CalendarDate | null {
    return text === null || text === undefined ? null : this.date(text, pointer);
  }

  id(text: string, pointer: string): Uuid {
    const parsed = Uuid.parse(text);
    if (parsed.ok) return parsed.value;
    this.errors.push({ pointer, message: "must be a UUIDv7" });
    return text as Uuid;
  }

  unit(text: string, pointer: string): StockUnit {
    if (isStockUnit(text)) return text;
    this.errors.push({ pointer, message: "must be one of g, kg, ml, l, unit" });
    return "unit";
  }

  allergens(values: readonly string[], pointer: string): Allergen[] {
    const known: Allergen[] = [];
    values.forEach((value, i) => {
      if (isAllergen(value)) known.push(value);
      else this.errors.push({ pointer: `${pointer}/${i}`, message: "is not one of the 14 EU allergens" });
    });
    return known;
  }

  /** ok(value) when every field parsed, else the validation error naming them all. */
  result<T>(value: T): Result<T, ValidationFailed> {
    return this.errors.length > 0 ? err(invalid(this.errors)) : ok(value);
  }
}
