import { err, ok, type Result } from "@/shared/domain/result";
import type { InvalidCursor } from "../../application/ports/production-read-model.port";

const MAX_VERSION = 2_147_483_647; // the column is a PostgreSQL integer

/** Keyset pagination on a product's recipe version number: the cursor is the last version of the page. */
export const VersionCursor = {
  encode(version: number): string {
    return Buffer.from(`v${version}`, "utf8").toString("base64url");
  },

  decode(cursor: string | null): Result<number | null, InvalidCursor> {
    if (cursor === null) return ok(null);
    const match = /^v(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
    const version = match?.[1] ? Number(match[1]) : Number.NaN;
    if (!(version >= 1 && version <= MAX_VERSION))
      return err({ code: "invalid-cursor", message: "the cursor is not one this API issued" });
    return ok(version);
  },
};
