/**
 * The integration events BI projects, as it reads them: the fields it uses of each publisher's
 * contract (CONTRACTS.md). Structural, so the publishers' Zod-inferred payloads fit as they are.
 */
export const PROJECTED_EVENT_TYPES = {
  organizationCreated: "auth.organization.created.v1",
  organizationUpdated: "auth.organization.updated.v1",
  invoiceIssued: "tax.invoice.issued.v1",
  invoiceCancelled: "tax.invoice.cancelled.v1",
  creditNoteIssued: "tax.credit-note.issued.v1",
  orderCompleted: "production.order.completed.v1",
  goodsShipped: "production.goods.shipped.v1",
  goodsReturned: "production.goods.returned.v1",
} as const;

export interface OrganizationSettingsPayload {
  readonly organizationId: string;
  readonly name: string;
  readonly currency: string;
  readonly timezone: string;
}

export interface InvoiceIssuedPayload {
  readonly invoiceId: string;
  readonly issueDate: string;
  readonly lines: readonly {
    readonly productId: string;
    readonly productName: string;
    readonly sku: string;
    readonly unit: string;
    readonly quantity: string;
    readonly net: number;
    readonly tax: number;
  }[];
}

export interface InvoiceCancelledPayload {
  readonly invoiceId: string;
  readonly issueDate: string;
}

export interface CreditNoteIssuedPayload {
  readonly creditNoteId: string;
  readonly invoiceId: string;
  readonly issueDate: string;
  readonly lines: readonly {
    readonly productId: string;
    readonly quantity: string;
    readonly net: number;
    readonly tax: number;
  }[];
}

export interface OrderCompletedPayload {
  readonly productId: string;
  readonly productName: string;
  readonly sku: string;
  readonly producedQuantity: string;
  readonly cost: number;
  readonly completedAt: string;
}

interface CostLinePayload {
  readonly productId: string;
  readonly quantity: string;
  readonly cost: number;
}

export interface GoodsShippedPayload {
  readonly invoiceId: string;
  readonly issueDate: string;
  readonly lines: readonly CostLinePayload[];
}

export interface GoodsReturnedPayload {
  readonly invoiceId: string;
  readonly creditNoteId: string | null;
  readonly reason: "invoice-cancelled" | "credit-note-restock";
  readonly lines: readonly CostLinePayload[];
}

type Envelope<T, P> = {
  readonly id: string;
  readonly type: T;
  readonly organizationId: string | null;
  /** RFC 3339 UTC. */
  readonly occurredAt: string;
  readonly payload: P;
};

type Types = typeof PROJECTED_EVENT_TYPES;

export type ProjectedEvent =
  | Envelope<Types["organizationCreated"] | Types["organizationUpdated"], OrganizationSettingsPayload>
  | Envelope<Types["invoiceIssued"], InvoiceIssuedPayload>
  | Envelope<Types["invoiceCancelled"], InvoiceCancelledPayload>
  | Envelope<Types["creditNoteIssued"], CreditNoteIssuedPayload>
  | Envelope<Types["orderCompleted"], OrderCompletedPayload>
  | Envelope<Types["goodsShipped"], GoodsShippedPayload>
  | Envelope<Types["goodsReturned"], GoodsReturnedPayload>;

export function isProjectedType(type: string): type is ProjectedEvent["type"] {
  return (Object.values(PROJECTED_EVENT_TYPES) as string[]).includes(type);
}
