import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

/** A tax code such as "VAT-STD" or "VAT_RED": the key a product's classification and rates share. */
export type TaxCode = string & { readonly __brand: "TaxCode" };
export type InvalidTaxCode = DomainError<"invalid-tax-code">;

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

export const TaxCode = {
  /** Codes are case-insensitive and kept upper-case, so "vat-std" and "VAT-STD" are one code. */
  parse(value: string): Result<TaxCode, InvalidTaxCode> {
    const code = typeof value === "string" ? value.trim().toUpperCase() : "";
    return CODE.test(code)
      ? ok(code as TaxCode)
      : err({
          code: "invalid-tax-code",
          message: `"${String(value).slice(0, 40)}" is not a tax code (1-32 letters, digits, ".", "_" or "-")`,
        });
  },
};
