import type { ProductClassification } from "../../application/ports/product-classification.repository";
import type { TaxRate } from "../../domain/tax-rate.entity";

/** Explicit DTO → JSON for the responses that are not DTOs already. */
export function rateJson(rate: TaxRate) {
  const p = rate.props;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    rateBasisPoints: p.rateBasisPoints,
    validFrom: p.validFrom.toString(),
    validTo: p.validTo?.toString() ?? null,
  };
}

export function classificationJson(classification: ProductClassification) {
  return { productId: classification.productId, taxCodes: [...classification.taxCodes] };
}
