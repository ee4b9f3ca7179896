import type { Context } from "hono";
import type { RenderableDocument } from "../../application/tax-document.dto";
import type { DocumentFormat } from "../../application/use-cases/get-tax-document.use-case";
import { renderPdf } from "../documents/pdf-document.renderer";
import { renderUbl } from "../documents/ubl-document.renderer";

/** The document in the negotiated representation: JSON, UBL 2.1 XML or a PDF print. */
export async function documentResponse(c: Context, document: RenderableDocument, format: DocumentFormat) {
  const headers = { Vary: "Accept", "Cache-Control": "private, no-store" };
  if (format === "xml") {
    return c.body(renderUbl(document), 200, { ...headers, "Content-Type": "application/xml; charset=utf-8" });
  }
  if (format === "pdf") {
    const pdf = await renderPdf(document);
    const disposition = `inline; filename="${document.document.number}.pdf"`;
    return c.body(pdf.buffer as ArrayBuffer, 200, {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Disposition": disposition,
    });
  }
  return c.json(document.document, 200, headers);
}

/** OpenAPI content of a negotiated document response. */
export function documentContent<T>(schema: T) {
  return {
    "application/json": { schema },
    "application/xml": { schema: { type: "string" as const, description: "UBL 2.1 (EN 16931)" } },
    "application/pdf": { schema: { type: "string" as const, format: "binary" } },
  };
}
