import { Uuid } from "@/shared/domain/uuid.value-object";

/** A path id that is not a UUIDv7 names nothing: the caller answers 404, like an id of another tenant. */
export function parsePathId(value: string): Uuid | null {
  const parsed = Uuid.parse(value);
  return parsed.ok ? parsed.value : null;
}

/** For values a schema has already checked with `IdField`: the canonical (lower-case) Uuid. */
export function toUuid(value: string): Uuid {
  const parsed = Uuid.parse(value);
  if (!parsed.ok) throw new Error(`not a UUIDv7 after validation: ${value}`);
  return parsed.value;
}
