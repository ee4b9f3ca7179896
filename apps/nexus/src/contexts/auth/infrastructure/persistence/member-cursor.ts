import { Uuid } from "@/shared/domain/uuid.value-object";

// 9999-12-31T23:59:59.999Z: later instants render with a 6-digit year PostgreSQL cannot read.
const MAX_JOINED_AT_MS = 253_402_300_799_999;

/** Position after the last member of a page: join time (ms, as written by the mapper) and user id. */
export interface MemberCursor {
  readonly joinedAtMs: number;
  readonly userId: Uuid;
}

export const MemberCursor = {
  encode(cursor: MemberCursor): string {
    return Buffer.from(`${cursor.joinedAtMs}.${cursor.userId}`, "utf8").toString("base64url");
  },

  /** null for anything this adapter did not produce. */
  decode(value: string): MemberCursor | null {
    const text = Buffer.from(value, "base64url").toString("utf8");
    const match = /^(\d{1,15})\.(.+)$/.exec(text);
    if (!match?.[1] || !match[2] || !Uuid.isValid(match[2])) return null;
    const joinedAtMs = Number(match[1]);
    return joinedAtMs <= MAX_JOINED_AT_MS ? { joinedAtMs, userId: match[2] } : null;
  },
};
