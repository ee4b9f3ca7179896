import { token } from "@/shared/infrastructure/container/token";
import type { TaxDeps } from "../application/tax-deps";

/** The tax context's container tokens: its `Deps` singleton (use cases are built per request from it). */
export const TaxTokens = {
  Deps: token<TaxDeps>("tax.Deps"),
} as const;
