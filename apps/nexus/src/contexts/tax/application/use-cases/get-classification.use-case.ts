import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { ProductClassification } from "../ports/product-classification.repository";
import { notFound, type ReadError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";

/** GET /tax/classifications/{productId}. */
export class GetClassificationUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "classifications">) {}

  async execute(input: {
    readonly actor: TaxActor;
    readonly productId: Uuid;
  }): Promise<Result<ProductClassification, ReadError>> {
    const [found] = await this.deps.classifications.findMany(input.actor.organizationId, [input.productId]);
    return found ? ok(found) : err(notFound("classification"));
  }
}
