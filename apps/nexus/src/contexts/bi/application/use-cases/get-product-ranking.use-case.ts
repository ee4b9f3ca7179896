import { err, ok, type Result } from "@/shared/domain/result";
import { type RankedProduct, type RankingCriterion, rankProducts } from "../../domain/product-ranking";
import type { BiError } from "../bi.errors";
import type { BiDeps } from "../bi-deps";
import { resolvePeriod } from "../period";
import { organizationCalendar } from "./organization-calendar";

export interface RankedProductView extends RankedProduct {
  readonly name: string | null;
  readonly sku: string | null;
  readonly unit: string | null;
}

export interface RankingView {
  readonly by: RankingCriterion;
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly currency: string | null;
  readonly items: readonly RankedProductView[];
}

/** Products of a period ranked by revenue, units sold or gross margin. */
export class GetProductRankingUseCase {
  constructor(private readonly deps: Pick<BiDeps, "reader" | "clock" | "audit">) {}

  async execute(input: {
    organizationId: string;
    actorId: string | null;
    by: RankingCriterion;
    limit: number;
    from?: string;
    to?: string;
    export?: "csv";
  }): Promise<Result<RankingView, BiError>> {
    const calendar = await organizationCalendar(this.deps, input.organizationId);
    const period = resolvePeriod(input, calendar.today);
    if (!period.ok) return err(period.error);
    const { from, to } = period.value;
    const products = await this.deps.reader.productTotals(input.organizationId, from.toString(), to.toString());
    const names = new Map(products.map((p) => [p.productId, p]));
    if (input.export) {
      await this.deps.audit.record({
        organizationId: input.organizationId,
        actorId: input.actorId,
        action: "bi.ranking.exported",
        outcome: "success",
        resourceType: "bi.product-ranking",
        metadata: { format: input.export, by: input.by, limit: input.limit, from: `${from}`, to: `${to}` },
      });
    }
    return ok({
      by: input.by,
      from: from.toString(),
      to: to.toString(),
      timezone: calendar.timezone,
      currency: calendar.currency,
      items: rankProducts(products, input.by, input.limit).map((p) => {
        const known = names.get(p.productId);
        return { ...p, name: known?.name ?? null, sku: known?.sku ?? null, unit: known?.unit ?? null };
      }),
    });
  }
}
