import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { BEARER_AUTH } from "@/contexts/auth/contracts/auth-guard";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { notFound } from "../../application/tax.errors";
import { GetTaxDocumentUseCase } from "../../application/use-cases/get-tax-document.use-case";
import { LiabilityReportUseCase } from "../../application/use-cases/liability-report.use-case";
import { ListCreditNotesUseCase } from "../../application/use-cases/list-credit-notes.use-case";
import { TaxTokens as T } from "../tax.tokens";
import { taxErrors } from "./tax.problems";
import {
  CreditNoteListQuery,
  CreditNotePage,
  CreditNoteSchema,
  IdParam,
  LiabilityQuery,
  LiabilityReportSchema,
} from "./tax.schemas";
import { documentContent, documentResponse } from "./tax-document.response";
import { DocumentCursor, documentFormat, type HonoGuard, INVALID_CURSOR, taxActor } from "./tax-request";

const tags = ["tax"];

const list = createRoute({
  operationId: "listCreditNotes",
  method: "get",
  path: "/api/v1/tax/credit-notes",
  tags,
  summary: "Credit notes, newest issue date first (cursor, date range, invoice)",
  security: BEARER_AUTH,
  request: { query: CreditNoteListQuery },
  responses: {
    200: jsonResponse(CreditNotePage, "A page of credit notes"),
    ...taxErrors.responses("unauthenticated", "forbidden", "validation-failed", "invalid-cursor"),
  },
});

const get = createRoute({
  operationId: "getCreditNote",
  method: "get",
  path: "/api/v1/tax/credit-notes/{id}",
  tags,
  summary: "A credit note as JSON, UBL 2.1 (Accept: application/xml) or PDF (Accept: application/pdf)",
  description: "XML and PDF downloads are audited.",
  security: BEARER_AUTH,
  request: { params: IdParam },
  responses: {
    200: { description: "The credit note", content: documentContent(CreditNoteSchema) },
    ...taxErrors.responses("unauthenticated", "forbidden", "not-found"),
  },
});

const liability = createRoute({
  operationId: "getTaxLiabilityReport",
  method: "get",
  path: "/api/v1/tax/reports/liability",
  tags,
  summary: "Per tax code: taxable base, tax and document count for the period (audited)",
  description:
    "Invoices issued in [from, to] (inclusive) minus credit notes issued in it; cancelled invoices excluded.",
  security: BEARER_AUTH,
  request: { query: LiabilityQuery },
  responses: {
    200: jsonResponse(LiabilityReportSchema, "The report"),
    ...taxErrors.responses("unauthenticated", "forbidden", "validation-failed"),
  },
});

/** Credit notes (read) and the liability report. */
export class CreditNotesController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const read = { middleware: [guard.requirePermission("tax:read")] };

    app.openapi({ ...list, ...read }, async (c) => {
      const { limit, cursor, invoiceId, ...range } = c.req.valid("query");
      const after = cursor === undefined ? null : DocumentCursor.decode("credit-notes", cursor);
      if (cursor !== undefined && !after) {
        return taxErrors.problem(c, INVALID_CURSOR);
      }
      const invoice = invoiceId === undefined ? undefined : Uuid.parse(invoiceId);
      if (invoice && !invoice.ok) {
        return c.json({ items: [], nextCursor: null }, 200); // no invoice has that id
      }
      const filter = { ...range, ...(invoice?.ok ? { invoiceId: invoice.value } : {}) };
      const result = await c.var.scope
        .useCase(ListCreditNotesUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), filter, page: { limit, after } });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(
        { items: [...result.value.items], nextCursor: DocumentCursor.encode("credit-notes", result.value.next) },
        200,
      );
    });

    app.openapi({ ...get, ...read }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return taxErrors.problem(c, notFound("credit note"));
      const format = documentFormat(c.req.header("Accept"));
      const result = await c.var.scope
        .useCase(GetTaxDocumentUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), kind: "credit-note", id, format });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return documentResponse(c, result.value, format);
    });

    app.openapi({ ...liability, ...read }, async (c) => {
      const result = await c.var.scope
        .useCase(LiabilityReportUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), ...c.req.valid("query") });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(result.value, 200);
    });
  }
}
