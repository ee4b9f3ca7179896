import { createHash, createHmac } from "node:crypto";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { canonicalJson, type JsonValue } from "@/shared/infrastructure/json/canonical-json";
import { loadSecretKeys, type SecretKey } from "@/shared/infrastructure/secrets/secret-key";
import type { AuditEntry } from "./audit-entry";

/** prev_hash of the first entry of every chain. */
export const GENESIS_HASH = "0".repeat(64);

export type HashedAuditFields = Omit<AuditEntry, "hash" | "prevHash">;

/**
 * Every stored column except the hashes themselves, canonically: altering any of them (or
 * reordering, or removing an entry in the middle) breaks the chain at that point.
 */
function canonicalFields(fields: HashedAuditFields): string {
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
  return canonicalJson(canonical);
}

/**
 * The unkeyed hash of entries written before the chain was keyed: sha256(prevHash || fields), hex.
 * Anyone can recompute it, so it only ever verifies the prefix of a chain that a keyed entry
 * follows (ADR 0015). Never used for new entries.
 */
export function computeAuditHash(prevHash: string, fields: HashedAuditFields): string {
  return createHash("sha256").update(prevHash).update(canonicalFields(fields)).digest("hex");
}

/**
 * The chain's key (AUDIT_CHAIN_KEY, outside the database): hash = HMAC-SHA256(key, prevHash ||
 * fields), hex. Without the key nobody can recompute a chain after rewriting a row. The first key
 * signs; every configured key verifies (rotation).
 */
export class AuditChainKeys {
  constructor(private readonly keys: readonly [SecretKey, ...SecretKey[]]) {}

  sign(prevHash: string, fields: HashedAuditFields): string {
    return hmac(this.keys[0], prevHash, canonicalFields(fields));
  }

  /** Whether `hash` is the keyed hash of the entry under one of the configured keys. */
  signed(prevHash: string, fields: HashedAuditFields, hash: string): boolean {
    const canonical = canonicalFields(fields);
    return this.keys.some((key) => hmac(key, prevHash, canonical) === hash);
  }
}

function hmac(key: SecretKey, prevHash: string, canonical: string): string {
  return createHmac("sha256", key.bytes).update(prevHash).update(canonical).digest("hex");
}

/** AUDIT_CHAIN_KEY, or (never in production) `${DATA_DIR}/keys/audit-chain.key`, created on first start. */
export async function loadAuditChainKeys(
  config: Pick<Config, "AUDIT_CHAIN_KEY" | "DATA_DIR" | "NODE_ENV">,
): Promise<AuditChainKeys> {
  return new AuditChainKeys(
    await loadSecretKeys({
      configured: config.AUDIT_CHAIN_KEY,
      variable: "AUDIT_CHAIN_KEY",
      dataDir: config.DATA_DIR,
      file: "audit-chain.key",
      production: config.NODE_ENV === "production",
    }),
  );
}
