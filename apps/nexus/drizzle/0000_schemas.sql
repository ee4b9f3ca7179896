-- One schema per bounded context (auth, production, tax, bi) plus platform. IF NOT EXISTS so a
-- database where an operator pre-created them still migrates.
CREATE SCHEMA IF NOT EXISTS "auth";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "bi";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "platform";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "production";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "tax";
--> statement-breakpoint
-- Keeps updated_at current on every UPDATE, whoever writes. Each table's migration attaches it:
--   CREATE TRIGGER set_updated_at BEFORE UPDATE ON "<schema>"."<table>"
--     FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
CREATE OR REPLACE FUNCTION platform.set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
