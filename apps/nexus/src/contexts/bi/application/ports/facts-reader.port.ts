import type { Measures } from "../../domain/measures";
import type { ProductFigures } from "../../domain/product-ranking";
import type { OrganizationSettings } from "./projection-store.port";

export interface ProductTotals extends ProductFigures {
  readonly name: string | null;
  readonly sku: string | null;
  readonly unit: string | null;
}

export interface Freshness {
  /** When the newest applied event happened (its occurredAt). */
  readonly lastEventAt: Date;
  /** When the projections last changed. */
  readonly lastAppliedAt: Date;
  readonly rebuiltAt: Date | null;
}

/** The read side of the projections. Days are YYYY-MM-DD in the organization's calendar, both ends included. */
export interface FactsReader {
  organization(organizationId: string): Promise<OrganizationSettings | null>;
  periodTotals(organizationId: string, from: string, to: string): Promise<Measures>;
  dailyTotals(organizationId: string, from: string, to: string): Promise<{ day: string; measures: Measures }[]>;
  productTotals(organizationId: string, from: string, to: string): Promise<ProductTotals[]>;
  freshness(organizationId: string): Promise<Freshness | null>;
}
