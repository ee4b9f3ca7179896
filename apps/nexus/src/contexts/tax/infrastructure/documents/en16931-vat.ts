import type { DocumentLineDto } from "../../application/tax-document.dto";

/**
 * EN 16931 VAT categories (UNTDID 5305) the tax model can state. A rate carries a code, a name and
 * basis points only (spec §6): a positive rate is standard rated (S), a 0 % rate zero rated (Z).
 * Exempt (E), reverse charge (AE), intra-community (K), export (G) and out of scope (O) each need a
 * fact the model does not record (an exemption reason, the reverse-charge or export status), so they
 * are never emitted — see docs/tax.md, "E-invoice".
 */
export type VatCategoryCode = "S" | "Z";

export interface LineVat {
  readonly category: VatCategoryCode;
  readonly rateBasisPoints: number;
}

/** One row of the VAT breakdown (BG-23): one per category and rate, as EN 16931 requires. */
export interface VatBreakdownRow extends LineVat {
  /** The tax codes whose lines it sums (cbc:Name, for people; EN 16931 does not read it). */
  readonly codes: readonly string[];
  readonly taxableAmount: number;
  readonly taxAmount: number;
}

/**
 * A line's single VAT category (BG-30 allows one): its taxes' rates added up. A product with two
 * codes valid at once (stacked taxes) is one line at the sum of the rates, its tax the sum of the
 * separately rounded amounts (spec §3) — off the combined-rate product by at most one minor unit per
 * code, inside the tolerance EN 16931's BR-CO-17 allows.
 */
export function lineVat(line: Pick<DocumentLineDto, "taxes">): LineVat {
  const rateBasisPoints = line.taxes.reduce((sum, t) => sum + t.rateBasisPoints, 0);
  return { category: rateBasisPoints > 0 ? "S" : "Z", rateBasisPoints };
}

/**
 * The breakdown by category and rate: taxable = Σ net of its lines (BR-S-08, BR-Z-08), tax = Σ their
 * taxes, so Σ tax = the document's tax total (BR-CO-14) and the figures are the JSON document's.
 * Two codes at the same rate share one row. Standard before zero rated, higher rates first.
 */
export function vatBreakdown(lines: readonly DocumentLineDto[]): VatBreakdownRow[] {
  const rows = new Map<string, { vat: LineVat; codes: Set<string>; taxable: number; tax: number }>();
  for (const line of lines) {
    const vat = lineVat(line);
    const key = `${vat.category}:${vat.rateBasisPoints}`;
    const row = rows.get(key) ?? { vat, codes: new Set<string>(), taxable: 0, tax: 0 };
    for (const t of line.taxes) row.codes.add(t.code);
    row.taxable += line.net;
    row.tax += line.tax;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(({ vat, codes, taxable, tax }) => ({
      ...vat,
      codes: [...codes].sort(),
      taxableAmount: taxable,
      taxAmount: tax,
    }))
    .sort((a, b) => (a.category === b.category ? b.rateBasisPoints - a.rateBasisPoints : a.category === "S" ? -1 : 1));
}

/**
 * A VAT identifier with the ISO 3166-1 prefix BR-CO-09 asks for (Greece: EL): as typed when it has
 * one, else prefixed with the party's country.
 */
export function vatIdentifier(taxId: string, countryCode: string | undefined): string {
  const compact = taxId.replace(/\s+/g, "");
  if (/^[A-Za-z]{2}/.test(compact) || !countryCode) return compact;
  return `${countryCode === "GR" ? "EL" : countryCode.toUpperCase()}${compact}`;
}
