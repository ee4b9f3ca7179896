import { describe, expect, it } from "vitest";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { computeAuditHash, GENESIS_HASH, type HashedAuditFields } from "./audit-hash";

const fields: HashedAuditFields = {
  id: "01890a5d-ac96-774b-bcce-b302099a8057" as Uuid,
  organizationId: null,
  chainSeq: 1,
  occurredAt: "2024-01-02T03:04:05.678Z",
  actorId: null,
  actorType: "anonymous",
  action: "auth.login.failed",
  outcome: "failure",
  resourceType: null,
  resourceId: null,
  ip: "203.0.113.7",
  userAgent: null,
  traceId: null,
  metadata: { b: 1, a: 2 },
};

describe("computeAuditHash", () => {
  it("is a hex sha256, stable across metadata key order", () => {
    const hash = computeAuditHash(GENESIS_HASH, fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, metadata: { a: 2, b: 1 } })).toBe(hash);
  });

  it("changes when any covered field or the previous hash changes", () => {
    const hash = computeAuditHash(GENESIS_HASH, fields);
    expect(computeAuditHash("f".repeat(64), fields)).not.toBe(hash);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, outcome: "success" })).not.toBe(hash);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, chainSeq: 2 })).not.toBe(hash);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, occurredAt: "2024-01-02T03:04:05.679Z" })).not.toBe(hash);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, metadata: { a: 2, b: 1, c: 0 } })).not.toBe(hash);
  });
});
