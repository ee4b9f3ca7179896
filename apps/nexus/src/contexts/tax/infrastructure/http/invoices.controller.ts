import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { BEARER_AUTH } from "@/contexts/auth/contracts/auth-guard";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { idempotencyRequest } from "@/shared/infrastructure/idempotency/idempotency-request";
import { notFound } from "../../application/tax.errors";
import { toCreditNoteDto, toInvoiceDto } from "../../application/tax-document.dto";
import { CancelInvoiceUseCase } from "../../application/use-cases/cancel-invoice.use-case";
import { GetTaxDocumentUseCase } from "../../application/use-cases/get-tax-document.use-case";
import { IssueCreditNoteUseCase } from "../../application/use-cases/issue-credit-note.use-case";
import { IssueInvoiceUseCase } from "../../application/use-cases/issue-invoice.use-case";
import { ListInvoicesUseCase } from "../../application/use-cases/list-invoices.use-case";
import { TaxTokens as T } from "../tax.tokens";
import { taxErrors } from "./tax.problems";
import {
  CancelBody,
  CreditNoteSchema,
  IdParam,
  InvoiceListQuery,
  InvoicePage,
  InvoiceSchema,
  IssueCreditNoteBody,
  IssueInvoiceBody,
} from "./tax.schemas";
import { documentContent, documentResponse } from "./tax-document.response";
import { DocumentCursor, documentFormat, type HonoGuard, INVALID_CURSOR, taxActor } from "./tax-request";

const tags = ["tax"];
const IDEMPOTENCY =
  "Requires an `Idempotency-Key` header (400 without): a retry with the same key and body replays the first answer.";

const issue = createRoute({
  operationId: "issueInvoice",
  method: "post",
  path: "/api/v1/tax/invoices",
  tags,
  summary: "Issue an invoice",
  description: `Lines are priced half-to-even per line and per tax; numbers are gapless per year. ${IDEMPOTENCY}`,
  security: BEARER_AUTH,
  request: jsonBody(IssueInvoiceBody),
  responses: {
    201: jsonResponse(InvoiceSchema, "Issued"),
    ...taxErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "validation-failed",
      "fiscal-identity-missing",
      "unclassified-product",
      "no-tax-rate",
      "unknown-product",
      "issue-date-out-of-order",
      "issue-date-in-future",
      "amount-too-large",
      "idempotency-key-reused",
    ),
  },
});

const list = createRoute({
  operationId: "listInvoices",
  method: "get",
  path: "/api/v1/tax/invoices",
  tags,
  summary: "Invoices, newest issue date first (cursor, date range, status, customer)",
  security: BEARER_AUTH,
  request: { query: InvoiceListQuery },
  responses: {
    200: jsonResponse(InvoicePage, "A page of invoices"),
    ...taxErrors.responses("unauthenticated", "forbidden", "validation-failed", "invalid-cursor"),
  },
});

const get = createRoute({
  operationId: "getInvoice",
  method: "get",
  path: "/api/v1/tax/invoices/{id}",
  tags,
  summary: "An invoice as JSON, UBL 2.1 e-invoice (Accept: application/xml) or PDF (Accept: application/pdf)",
  description: "XML and PDF downloads are audited.",
  security: BEARER_AUTH,
  request: { params: IdParam },
  responses: {
    200: { description: "The invoice", content: documentContent(InvoiceSchema) },
    ...taxErrors.responses("unauthenticated", "forbidden", "not-found"),
  },
});

const cancel = createRoute({
  operationId: "cancelInvoice",
  method: "post",
  path: "/api/v1/tax/invoices/{id}/cancel",
  tags,
  summary: "Cancel an invoice issued in error (on its issue day only); it keeps its number",
  security: BEARER_AUTH,
  request: { params: IdParam, ...jsonBody(CancelBody) },
  responses: {
    200: jsonResponse(InvoiceSchema, "Cancelled"),
    ...taxErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "validation-failed",
      "invoice-already-cancelled",
      "cancel-window-closed",
      "invoice-has-credit-notes",
    ),
  },
});

const credit = createRoute({
  operationId: "issueCreditNote",
  method: "post",
  path: "/api/v1/tax/invoices/{id}/credit-notes",
  tags,
  summary: "Issue a credit note for the whole invoice or some of its lines",
  description: `Never credits more than was invoiced per line; numbered CN-YYYY-000001. ${IDEMPOTENCY}`,
  security: BEARER_AUTH,
  request: { params: IdParam, ...jsonBody(IssueCreditNoteBody) },
  responses: {
    201: jsonResponse(CreditNoteSchema, "Issued"),
    ...taxErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "validation-failed",
      "invoice-cancelled",
      "issue-date-out-of-order",
      "nothing-to-credit",
      "unknown-invoice-line",
      "credit-exceeds-invoiced",
      "idempotency-key-reused",
    ),
  },
});

/** Invoices: issue (idempotent), list, get in three representations, cancel, credit. */
export class InvoicesController implements Controller {
  constructor(
    private readonly guard: HonoGuard,
    private readonly idempotent: MiddlewareHandler,
  ) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const read = { middleware: [guard.requirePermission("tax:read")] };
    const write = { middleware: [guard.requirePermission("tax:write")] };
    const idempotentWrite = { middleware: [guard.requirePermission("tax:write"), this.idempotent] };

    app.openapi({ ...issue, ...idempotentWrite }, async (c) => {
      const result = await c.var.scope
        .useCase(IssueInvoiceUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), request: await keyOf(c), ...c.req.valid("json") });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(toInvoiceDto(result.value), 201, { Location: `/api/v1/tax/invoices/${result.value.id}` });
    });

    app.openapi({ ...list, ...read }, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const after = cursor === undefined ? null : DocumentCursor.decode("invoices", cursor);
      if (cursor !== undefined && !after) {
        return taxErrors.problem(c, INVALID_CURSOR);
      }
      const result = await c.var.scope
        .useCase(ListInvoicesUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), filter, page: { limit, after } });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(
        { items: [...result.value.items], nextCursor: DocumentCursor.encode("invoices", result.value.next) },
        200,
      );
    });

    app.openapi({ ...get, ...read }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return taxErrors.problem(c, notFound("invoice"));
      const format = documentFormat(c.req.header("Accept"));
      const result = await c.var.scope
        .useCase(GetTaxDocumentUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), kind: "invoice", id, format });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return documentResponse(c, result.value, format);
    });

    app.openapi({ ...cancel, ...write }, async (c) => {
      const invoiceId = parsePathId(c.req.valid("param").id);
      if (!invoiceId) return taxErrors.problem(c, notFound("invoice"));
      const result = await c.var.scope
        .useCase(CancelInvoiceUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), invoiceId, reason: c.req.valid("json").reason });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(toInvoiceDto(result.value), 200);
    });

    app.openapi({ ...credit, ...idempotentWrite }, async (c) => {
      const invoiceId = parsePathId(c.req.valid("param").id);
      if (!invoiceId) return taxErrors.problem(c, notFound("invoice"));
      const result = await c.var.scope
        .useCase(IssueCreditNoteUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), invoiceId, request: await keyOf(c), ...c.req.valid("json") });
      if (!result.ok) return taxErrors.problem(c, result.error);
      const location = { Location: `/api/v1/tax/credit-notes/${result.value.id}` };
      return c.json(toCreditNoteDto(result.value), 201, location);
    });
  }
}

/** The key the middleware claimed, recorded again with the document (the backstop of docs/adr/0007). */
async function keyOf(c: Context) {
  return (await idempotencyRequest(c)) ?? undefined;
}
