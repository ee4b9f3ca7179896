import { createHash } from "node:crypto";
import { canonicalJson, type JsonValue } from "@/shared/infrastructure/json/canonical-json";
import type { AuditEntry } from "./audit-entry";

/** prev_hash of the first entry of every chain. */
export const GENESIS_HASH = "0".repeat(64);

export type HashedAuditFields = Omit<AuditEntry, "hash" | "prevHash">;

/**
 * hash = sha256(prevHash || canonicalJson(fields)), hex. Every stored column except the hashes
 * themselves is covered, so altering any of them (or reordering, or removing an entry in the
 * middle) breaks the chain at that point.
 */
export function computeAuditHash(prevHash: string, fields: HashedAuditFields): string {
  const canonical: JsonValue = {
    id: fields.id,
    organizationId: fields.organizationId,
    chainSeq: fields.chainSeq,
    occurredAt: fields.occurredAt,
    actorId: fields.actorId,
    actorType: fields.actorType,
    action: fields.action,
    outcome: fields.outcome,
    resourceType: fields.resourceType,
    resourceId: fields.resourceId,
    ip: fields.ip,
    userAgent: fields.userAgent,
    traceId: fields.traceId,
    metadata: fields.metadata as JsonValue,
  };
  return createHash("sha256").update(prevHash).update(canonicalJson(canonical)).digest("hex");
}
