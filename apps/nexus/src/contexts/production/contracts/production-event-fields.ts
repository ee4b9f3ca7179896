import { z } from "zod";

export const QuantityText = z.string().regex(/^-?\d{1,12}(\.\d{1,3})?$/, "a decimal with at most 3 fraction digits");
export const MinorUnits = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
export const EntityId = z.uuid();
