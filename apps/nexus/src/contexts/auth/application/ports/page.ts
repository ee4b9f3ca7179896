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
