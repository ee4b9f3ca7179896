import { z } from "zod";
import type { EventContract } from "@/shared/infrastructure/events/integration-event";
import { PROJECTED_EVENT_TYPES as T } from "../../application/projected-events";

// TEMPORARY: the fields BI reads of auth's and production's events (CONTRACTS.md), until auth/ and
// production/contracts land on main; then projected-event-contracts.ts imports theirs instead.
const quantity = z.string().regex(/^-?\d{1,12}(\.\d{1,3})?$/);
const money = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.string().min(1);

const organization = z.object({ organizationId: id, name: z.string(), currency: z.string(), timezone: z.string() });
const costLine = z.object({ productId: id, quantity, cost: money });

const contract = (type: string, schema: z.ZodType): EventContract => ({ type, version: 1, schema });

export const INTERIM_CONTRACTS = [
  contract(T.organizationCreated, organization),
  contract(T.organizationUpdated, organization),
  contract(
    T.orderCompleted,
    z.object({
      productId: id,
      productName: z.string(),
      sku: z.string(),
      producedQuantity: quantity,
      cost: money,
      completedAt: z.iso.datetime(),
    }),
  ),
  contract(T.goodsShipped, z.object({ invoiceId: id, issueDate: day, lines: z.array(costLine) })),
  contract(
    T.goodsReturned,
    z.object({
      invoiceId: id,
      creditNoteId: id.nullable(),
      reason: z.enum(["invoice-cancelled", "credit-note-restock"]),
      lines: z.array(costLine),
    }),
  ),
];
