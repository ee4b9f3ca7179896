import type { Result } from "@/shared/domain/result";
import type { InvalidCursor } from "../auth.errors";

/** Cursor pagination (spec §3). The cursor is opaque to the application: the adapter encodes it. */
export interface PageRequest {
  /** Already clamped by the edge to 1..200. */
  readonly limit: number;
  readonly cursor: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Every auth list: a cursor the adapter did not issue is `invalid-cursor` (422), not an empty page. */
export type Paged<T> = Promise<Result<Page<T>, InvalidCursor>>;
