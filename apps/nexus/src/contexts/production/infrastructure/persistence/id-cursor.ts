import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { ListCursor } from "@/shared/infrastructure/database/list-cursor";
import type { InvalidCursor } from "../../application/ports/production-read-model.port";

/**
 * Keyset pagination on UUIDv7 ids (time-ordered): the cursor is the last id of the page and the list's
 * name (`ListCursor`), opaque to clients. A page costs the same at any depth (an index range scan
 * from the cursor).
 */
export const IdCursor = {
  encode(list: ProductionList, id: Uuid): string {
    return ListCursor.seal(list, id);
  },

  decode(list: ProductionList, cursor: string | null): Result<Uuid | null, InvalidCursor> {
    if (cursor === null) return ok(null);
    const id = ListCursor.open(list, cursor);
    if (id === null || !Uuid.isValid(id))
      return err({ code: "invalid-cursor", message: "the cursor is not one this API issued" });
    return ok(id);
  },
};

export type ProductionList = "ingredients" | "products" | "lots" | "stock" | "movements" | "orders";
