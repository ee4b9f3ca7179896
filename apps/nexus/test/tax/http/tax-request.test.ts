import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentCursor, documentFormat } from "@/contexts/tax/infrastructure/http/tax-request";
import { Uuid } from "@/shared/domain/uuid.value-object";

describe("Accept negotiation for tax documents", () => {
  it("picks the supported type with the highest q, JSON otherwise", () => {
    expect(documentFormat(undefined)).toBe("json");
    expect(documentFormat("*/*")).toBe("json");
    expect(documentFormat("application/xml")).toBe("xml");
    expect(documentFormat("text/xml")).toBe("xml");
    expect(documentFormat("application/pdf")).toBe("pdf");
    expect(documentFormat("application/pdf;q=0.5, application/xml")).toBe("xml");
    expect(documentFormat("application/json, application/pdf")).toBe("json");
    expect(documentFormat("application/pdf;q=0")).toBe("json");
    expect(documentFormat("text/html")).toBe("json");
  });
});

describe("DocumentCursor", () => {
  it("round-trips any position in its own list and refuses what that list did not issue", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const position = { issueDate: d.toISOString().slice(0, 10), id: Uuid.generate() };
        const cursor = DocumentCursor.encode("invoices", position);
        expect(cursor && DocumentCursor.decode("invoices", cursor)).toEqual(position);
        expect(cursor && DocumentCursor.decode("credit-notes", cursor)).toBeNull();
      }),
    );
    expect(DocumentCursor.encode("invoices", null)).toBeNull();
    for (const bogus of [
      "bogus",
      "",
      "%%%",
      btoa("2026-01-01.not-a-uuid"),
      btoa("x.019ae0b0-0000-7000-8000-000000000001"),
      btoa("2026-01-01.019ae0b0-0000-7000-8000-000000000001"), // a position without its list
    ]) {
      expect(DocumentCursor.decode("invoices", bogus)).toBeNull();
    }
  });
});
