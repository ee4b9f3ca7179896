const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0), as the runtime's Intl (CLDR) knows them. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Minor units as a plain decimal string in major units ("1999" EUR → "19.99"), exact (no float). */
export function formatAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const value = BigInt(minor);
  const magnitude = value < 0n ? -value : value;
  const scale = 10n ** BigInt(digits);
  const units = (magnitude / scale).toString();
  const fraction = digits > 0 ? `.${(magnitude % scale).toString().padStart(digits, "0")}` : "";
  return `${value < 0n ? "-" : ""}${units}${fraction}`;
}

/** A rate in basis points as a percentage without trailing zeros (2000 → "20", 550 → "5.5"). */
export function formatPercent(basisPoints: number): string {
  const units = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${units}.${fraction}` : String(units);
}
