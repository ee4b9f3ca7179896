import { token } from "@/shared/infrastructure/container/token";
import type { ProductionDeps } from "../application/production-deps";
import type { AdjustStockUseCase } from "../application/use-cases/adjust-stock.use-case";
import type { ChangeOrderStatusUseCase } from "../application/use-cases/change-order-status.use-case";
import type { CompleteOrderUseCase } from "../application/use-cases/complete-order.use-case";
import type { DefineRecipeUseCase } from "../application/use-cases/define-recipe.use-case";
import type { ManageIngredientsUseCase } from "../application/use-cases/manage-ingredients.use-case";
import type { ManageProductsUseCase } from "../application/use-cases/manage-products.use-case";
import type { PlanOrderUseCase } from "../application/use-cases/plan-order.use-case";
import type { ProductionQueriesUseCase } from "../application/use-cases/production-queries.use-case";
import type { ReceiveStockUseCase } from "../application/use-cases/receive-stock.use-case";
import type { RecordSaleUseCase } from "../application/use-cases/record-sale.use-case";
import type { ReturnSaleUseCase } from "../application/use-cases/return-sale.use-case";
import type { TraceLotUseCase } from "../application/use-cases/trace-lot.use-case";

/** Production's container tokens: adapters in `Deps` (singleton), use cases scoped to the request or event. */
export const ProductionTokens = {
  Deps: token<ProductionDeps>("production.Deps"),
  ManageIngredients: token<ManageIngredientsUseCase>("production.ManageIngredients"),
  ManageProducts: token<ManageProductsUseCase>("production.ManageProducts"),
  DefineRecipe: token<DefineRecipeUseCase>("production.DefineRecipe"),
  ReceiveStock: token<ReceiveStockUseCase>("production.ReceiveStock"),
  AdjustStock: token<AdjustStockUseCase>("production.AdjustStock"),
  PlanOrder: token<PlanOrderUseCase>("production.PlanOrder"),
  ChangeOrderStatus: token<ChangeOrderStatusUseCase>("production.ChangeOrderStatus"),
  CompleteOrder: token<CompleteOrderUseCase>("production.CompleteOrder"),
  RecordSale: token<RecordSaleUseCase>("production.RecordSale"),
  ReturnSale: token<ReturnSaleUseCase>("production.ReturnSale"),
  TraceLot: token<TraceLotUseCase>("production.TraceLot"),
  Queries: token<ProductionQueriesUseCase>("production.Queries"),
} as const;
