import { bigint, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";

/** Quantities are stored exactly as integer thousandths (Quantity.milli), money as integer minor units. */
export const milli = (name: string) => bigint(name, { mode: "bigint" });
export const minor = (name: string) => bigint(name, { mode: "bigint" });
export const id = (name: string) => uuid(name).$type<Uuid>();
