import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { TaxCode } from "../../domain/tax-code.value-object";
import type { ProductClassification } from "../ports/product-classification.repository";
import { invalid, notFound, type PutClassificationError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { auditFailure } from "../write-audit";

export interface PutClassificationInput {
  readonly actor: TaxActor;
  readonly productId: Uuid;
  readonly taxCodes: readonly string[];
}

/** PUT /tax/classifications/{productId}: the product must exist (production's public service). */
export class PutClassificationUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "classifications" | "products" | "audit" | "unitOfWork">) {}

  async execute(input: PutClassificationInput): Promise<Result<ProductClassification, PutClassificationError>> {
    const { organizationId } = input.actor;
    const subject = {
      organizationId,
      action: "tax.classification.updated",
      resourceType: "product-classification",
      resourceId: input.productId,
    };
    const codes = parseCodes(input.taxCodes);
    if (!codes.ok) return auditFailure(this.deps.audit, subject, codes);
    const [product] = await this.deps.products.find(organizationId, [input.productId]);
    if (!product) return auditFailure(this.deps.audit, subject, err(notFound("product")));
    const classification: ProductClassification = { productId: input.productId, taxCodes: codes.value };
    return this.deps.unitOfWork.transaction(async () => {
      await this.deps.classifications.save(organizationId, classification);
      await this.deps.audit.record({ ...subject, outcome: "success", metadata: { taxCodes: codes.value } });
      return ok(classification);
    });
  }
}

function parseCodes(values: readonly string[]): Result<TaxCode[], PutClassificationError> {
  if (values.length === 0 || values.length > 10) return err(invalid("taxCodes", "taxCodes holds 1 to 10 codes"));
  const codes: TaxCode[] = [];
  for (const [index, value] of values.entries()) {
    const code = TaxCode.parse(value);
    if (!code.ok) return err(invalid(`taxCodes/${index}`, code.error.message));
    if (codes.includes(code.value)) return err(invalid(`taxCodes/${index}`, `${code.value} appears twice`));
    codes.push(code.value);
  }
  return ok(codes);
}
