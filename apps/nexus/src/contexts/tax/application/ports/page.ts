import type { Uuid } from "@/shared/domain/uuid.value-object";

/** Where a page of documents (newest issue date first, then newest id) ends; the HTTP edge encodes it as the cursor. */
export interface DocumentPosition {
  readonly issueDate: string;
  readonly id: Uuid;
}

export interface PageRequest {
  readonly limit: number;
  readonly after: DocumentPosition | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: DocumentPosition | null;
}
