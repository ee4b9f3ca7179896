import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Product, type ProductFields } from "../../domain/product.entity";
import { InputParser } from "../input-parsing";
import { type NotFound, notFound, type SkuTaken, skuTaken, type ValidationFailed } from "../production.errors";
import { type ProductView, productView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface ProductInput {
  readonly name?: string;
  readonly sku?: string;
  readonly unit?: string;
  readonly shelfLifeDays?: number | null;
}

type Deps = Pick<ProductionDeps, "products" | "stock" | "readModel" | "unitOfWork" | "audit" | "clock">;
type Action = "production.product.created" | "production.product.updated";

/** `POST` and `PATCH /production/products`: audited; SKU unique per organization. */
export class ManageProductsUseCase {
  constructor(private readonly deps: Deps) {}

  async create(
    organizationId: Uuid,
    input: ProductInput & { name: string; sku: string; unit: string },
  ): Promise<Result<ProductView, ValidationFailed | SkuTaken>> {
    const subject = { action: "production.product.created", organizationId, resourceType: "product" } as const;
    return auditRefusal(this.deps.audit, subject, await this.attemptCreate(organizationId, input));
  }

  private async attemptCreate(
    organizationId: Uuid,
    input: ProductInput & { name: string; sku: string; unit: string },
  ): Promise<Result<ProductView, ValidationFailed | SkuTaken>> {
    const parse = new InputParser();
    const unit = parse.unit(input.unit, "/unit");
    const parsed = parse.result(unit);
    if (!parsed.ok) return parsed;
    const fields: ProductFields = {
      name: input.name,
      sku: input.sku,
      unit,
      shelfLifeDays: input.shelfLifeDays ?? null,
    };
    const created = Product.create(organizationId, fields, this.deps.clock.now());
    if (!created.ok) return created;
    return this.deps.unitOfWork.run(() => this.store(created.value, "production.product.created"));
  }

  async update(
    organizationId: Uuid,
    id: Uuid,
    input: ProductInput,
  ): Promise<Result<ProductView, ValidationFailed | SkuTaken | NotFound>> {
    const subject = {
      action: "production.product.updated",
      organizationId,
      resourceType: "product",
      resourceId: id,
    } as const;
    return auditRefusal(this.deps.audit, subject, await this.attemptUpdate(organizationId, id, input));
  }

  private async attemptUpdate(
    organizationId: Uuid,
    id: Uuid,
    input: ProductInput,
  ): Promise<Result<ProductView, ValidationFailed | SkuTaken | NotFound>> {
    const parse = new InputParser();
    const fields: Partial<ProductFields> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sku !== undefined ? { sku: input.sku } : {}),
      ...(input.unit !== undefined ? { unit: parse.unit(input.unit, "/unit") } : {}),
      ...(input.shelfLifeDays !== undefined ? { shelfLifeDays: input.shelfLifeDays } : {}),
    };
    const parsed = parse.result(fields);
    if (!parsed.ok) return parsed;
    return this.deps.unitOfWork.run(async (): Promise<Result<ProductView, ValidationFailed | SkuTaken | NotFound>> => {
      const current = await this.deps.products.findById(organizationId, id);
      if (!current) return err(notFound("product"));
      const hasStock = await this.deps.stock.hasLots(organizationId, id);
      const updated = current.update(parsed.value, hasStock, this.deps.clock.now());
      if (!updated.ok) return updated;
      return this.store(updated.value, "production.product.updated");
    });
  }

  private async store(product: Product, action: Action): Promise<Result<ProductView, SkuTaken>> {
    const p = product.props;
    if (await this.deps.products.skuTaken(p.organizationId, p.sku, p.id)) return err(skuTaken(p.sku));
    await this.deps.products.save(product);
    const [allergens, versions] = await Promise.all([
      this.deps.readModel.productAllergens(p.organizationId, [p.id]),
      this.deps.readModel.currentRecipeVersions(p.organizationId, [p.id]),
    ]);
    const view = productView(product, allergens.get(p.id) ?? [], versions.get(p.id) ?? null);
    await this.deps.audit.record({
      action,
      organizationId: p.organizationId,
      resourceType: "product",
      resourceId: p.id,
      metadata: { name: view.name, sku: view.sku, unit: view.unit, shelfLifeDays: view.shelfLifeDays },
    });
    return ok(view);
  }
}
