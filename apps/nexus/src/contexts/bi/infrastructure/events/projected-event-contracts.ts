import { OrganizationCreatedV1, OrganizationUpdatedV1 } from "@/contexts/auth/contracts/organization.events";
import { GoodsReturnedV1 } from "@/contexts/production/contracts/goods-returned.event";
import { GoodsShippedV1 } from "@/contexts/production/contracts/goods-shipped.event";
import { OrderCompletedV1 } from "@/contexts/production/contracts/order-completed.event";
import { CreditNoteIssuedV1 } from "@/contexts/tax/contracts/credit-note-issued.event";
import { InvoiceCancelledV1 } from "@/contexts/tax/contracts/invoice-cancelled.event";
import { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import type { EventContract, IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import { isProjectedType, type ProjectedEvent } from "../../application/projected-events";

/** The publishers' contracts of every event BI projects, by type. */
export const PROJECTED_CONTRACTS: ReadonlyMap<string, EventContract> = new Map([
  ...[
    OrganizationCreatedV1,
    OrganizationUpdatedV1,
    InvoiceIssuedV1,
    InvoiceCancelledV1,
    CreditNoteIssuedV1,
    OrderCompletedV1,
    GoodsShippedV1,
    GoodsReturnedV1,
  ].map((c): [string, EventContract] => [c.type, c as EventContract]),
]);

/** Validates a logged or delivered event against its publisher's schema (a mismatch is a bug: it throws). */
export function parseProjectedEvent(event: IntegrationEvent): ProjectedEvent {
  const contract = PROJECTED_CONTRACTS.get(event.type);
  if (!contract || !isProjectedType(event.type)) throw new Error(`bi does not project ${event.type}`);
  return { ...event, payload: contract.schema.parse(event.payload) } as ProjectedEvent;
}
