-- The audit trail is append-only. A trigger (not a RULE: rules turn the statement into a silent
-- no-op, so tampering would look successful) rejects UPDATE, DELETE and TRUNCATE. Statement-level
-- so even a statement that matches no row fails loudly. Works the same on PGlite and PostgreSQL.
-- Tamper evidence beyond this (superusers can disable triggers) is the hash chain: ADR 0006.
CREATE OR REPLACE FUNCTION platform.audit_entries_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform.audit_entries is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "platform"."audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_entries_reject_change();
