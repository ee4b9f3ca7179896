/** Units an item is counted in (spec §5); quantities of an item are always in its unit. */
export const STOCK_UNITS = ["g", "kg", "ml", "l", "unit"] as const;

export type StockUnit = (typeof STOCK_UNITS)[number];

export function isStockUnit(value: string): value is StockUnit {
  return (STOCK_UNITS as readonly string[]).includes(value);
}
