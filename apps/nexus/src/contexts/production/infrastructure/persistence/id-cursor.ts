import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { InvalidCursor } from "../../application/ports/production-read-model.port";

/**
 * Keyset pagination on UUIDv7 ids (time-ordered): the cursor is the last id of the page, opaque to
 * clients. A page costs the same at any depth (an index range scan from the cursor).
 */
export const IdCursor = {
  encode(id: Uuid): string {
    return Buffer.from(id, "utf8").toString("base64url");
  },

  decode(cursor: string | null): Result<Uuid | null, InvalidCursor> {
    if (cursor === null) return ok(null);
    const id = Buffer.from(cursor, "base64url").toString("utf8");
    if (!Uuid.isValid(id)) return err({ code: "invalid-cursor", message: "the cursor is not one this API issued" });
    return ok(id);
  },
};
