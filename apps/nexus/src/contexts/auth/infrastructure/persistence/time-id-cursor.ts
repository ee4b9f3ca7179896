import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { ListCursor } from "@/shared/infrastructure/database/list-cursor";
import { INVALID_CURSOR, type InvalidCursor } from "../../application/auth.errors";

// 9999-12-31T23:59:59.999Z: later instants render with a 6-digit year PostgreSQL cannot read.
const MAX_AT_MS = 253_402_300_799_999;

/**
 * Position after the last row of a keyset page ordered by (a time, an id): members by join time,
 * organizations by membership time, sessions by last use, invitations by creation. Opaque to clients,
 * and bound to its list (`ListCursor`).
 */
export interface TimeIdCursor {
  readonly atMs: number;
  readonly id: Uuid;
}

export const TimeIdCursor = {
  encode(list: AuthList, cursor: TimeIdCursor): string {
    return ListCursor.seal(list, `${cursor.atMs}.${cursor.id}`);
  },

  /** null (no cursor) is the first page; anything this adapter did not produce is `invalid-cursor`. */
  decode(list: AuthList, value: string | null): Result<TimeIdCursor | null, InvalidCursor> {
    if (value === null) return ok(null);
    const text = ListCursor.open(list, value) ?? "";
    const match = /^(\d{1,15})\.(.+)$/.exec(text);
    if (!match?.[1] || !match[2] || !Uuid.isValid(match[2])) return err(INVALID_CURSOR);
    const atMs = Number(match[1]);
    return atMs <= MAX_AT_MS ? ok({ atMs, id: match[2] }) : err(INVALID_CURSOR);
  },

  /** As timestamptz for a row-value comparison. */
  at(cursor: TimeIdCursor): string {
    return new Date(cursor.atMs).toISOString();
  },
};

export type AuthList = "sessions" | "invitations" | "my-organizations" | "members";
