import { AuditChainKeys } from "@/shared/infrastructure/audit/audit-hash";
import { parseSecretKeys } from "@/shared/infrastructure/secrets/secret-key";

/** The AUDIT_CHAIN_KEY of tests that build an AuditTrail themselves (the app loads its own). */
export const testAuditKeys = new AuditChainKeys(parseSecretKeys("a".repeat(64), "AUDIT_CHAIN_KEY"));

/** A key an attacker might use: anything but the real one. */
export const otherAuditKeys = new AuditChainKeys(parseSecretKeys("b".repeat(64), "AUDIT_CHAIN_KEY"));
