import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { ListCursor } from "@/shared/infrastructure/database/list-cursor";
import type { DocumentPosition } from "../../application/ports/page";
import type { RatePosition } from "../../application/ports/tax-rate.repository";
import type { TaxActor } from "../../application/tax-deps";
import type { DocumentFormat } from "../../application/use-cases/get-tax-document.use-case";

export type HonoGuard = AuthGuard<MiddlewareHandler, Context>;

export const TAX_API_TAG = {
  name: "tax",
  description: "Fiscal identity, rates, classification, invoices, credit notes (JSON, UBL 2.1, PDF), liability report",
};

/** The caller acting in its organization (routes behind `requirePermission`). */
export function taxActor(guard: HonoGuard, c: Context): TaxActor {
  const caller = guard.organizationCaller(c);
  return { userId: caller.userId as Uuid, organizationId: caller.organizationId as Uuid };
}

/** The cursor is "after this document": its issue date and id, opaque to clients, bound to its list. */
export const DocumentCursor = {
  encode(list: DocumentList, position: DocumentPosition | null): string | null {
    return position ? ListCursor.seal(list, `${position.issueDate}.${position.id}`) : null;
  },
  /** null for anything this list did not issue. */
  decode(list: DocumentList, cursor: string): DocumentPosition | null {
    const text = ListCursor.open(list, cursor) ?? "";
    const match = /^(\d{4}-\d{2}-\d{2})\.(.+)$/.exec(text);
    return match?.[1] && match[2] && Uuid.isValid(match[2]) ? { issueDate: match[1], id: match[2] } : null;
  },
};

export type DocumentList = "invoices" | "credit-notes";

/** The cursor is "after this rate": its code and start date, opaque to clients. */
export const RateCursor = {
  encode(position: RatePosition | null): string | null {
    return position ? Buffer.from(`${position.validFrom}.${position.code}`, "utf8").toString("base64url") : null;
  },
  /** null for anything this API did not issue. */
  decode(cursor: string): RatePosition | null {
    const match = /^(\d{4}-\d{2}-\d{2})\.(.{1,32})$/su.exec(Buffer.from(cursor, "base64url").toString("utf8"));
    return match?.[1] && match[2] && !match[2].includes("\0") ? { validFrom: match[1], code: match[2] } : null;
  },
};

const TYPES: ReadonlyArray<[string, DocumentFormat]> = [
  ["application/json", "json"],
  ["application/xml", "xml"],
  ["text/xml", "xml"],
  ["application/pdf", "pdf"],
];

/**
 * The representation a client asks for with `Accept`: the supported type with the highest q
 * (first listed wins ties); JSON when nothing supported is named (including a missing header, wildcards).
 */
export function documentFormat(accept: string | undefined): DocumentFormat {
  let best: { format: DocumentFormat; q: number } | null = null;
  for (const part of (accept ?? "").split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith("q="))
        ?.slice(2) ?? "1",
    );
    const format = TYPES.find(([name]) => name === type.trim())?.[1];
    if (format && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { format, q };
  }
  return best?.format ?? "json";
}

/** A list cursor this API did not issue (the platform's 422 `invalid-cursor`). */
export const INVALID_CURSOR = Object.freeze({
  code: "invalid-cursor",
  message: "the cursor is not one this API issued",
} as const);
