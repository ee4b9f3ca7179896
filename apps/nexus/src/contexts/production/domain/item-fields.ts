import type { Quantity } from "@/shared/domain/exact-arithmetic";
import type { FieldError } from "./production.errors";

// Control characters and bidi overrides have no place in a name shown on labels and invoices.
const FORBIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Trimmed, inner whitespace collapsed, 1..max printable characters; else an error at `pointer`. */
export function displayText(value: string, pointer: string, max: number, errors: FieldError[]): string {
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length === 0) errors.push({ pointer, message: "must not be empty" });
  else if ([...text].length > max) errors.push({ pointer, message: `must be at most ${max} characters` });
  else if (FORBIDDEN.test(text)) errors.push({ pointer, message: "contains invisible control characters" });
  return text;
}

export function optionalText(value: string | null, pointer: string, max: number, errors: FieldError[]) {
  return value === null ? null : displayText(value, pointer, max, errors);
}

export function positive(quantity: Quantity, pointer: string, errors: FieldError[]): Quantity {
  if (!quantity.isPositive()) errors.push({ pointer, message: "must be greater than zero" });
  return quantity;
}

export function notNegative(quantity: Quantity | null, pointer: string, errors: FieldError[]) {
  if (quantity?.isNegative()) errors.push({ pointer, message: "must not be negative" });
  return quantity;
}
