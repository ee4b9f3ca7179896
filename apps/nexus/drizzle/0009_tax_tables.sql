CREATE TABLE "tax"."credit_note_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"credit_note_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"sku" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"unit_price" bigint NOT NULL,
	"net" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"taxes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax"."credit_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"invoice_number" text NOT NULL,
	"invoice_issue_date" date NOT NULL,
	"issue_date" date NOT NULL,
	"currency" text NOT NULL,
	"seller" jsonb NOT NULL,
	"customer" jsonb NOT NULL,
	"reason" text NOT NULL,
	"restock" boolean NOT NULL,
	"net" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"gross" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_notes_gross_check" CHECK ("tax"."credit_notes"."gross" = "tax"."credit_notes"."net" + "tax"."credit_notes"."tax")
);
--> statement-breakpoint
CREATE TABLE "tax"."document_sequences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	"last_issue_date" date,
	CONSTRAINT "document_sequences_series_check" CHECK ("tax"."document_sequences"."series" in ('invoice', 'credit-note')),
	CONSTRAINT "document_sequences_last_check" CHECK ("tax"."document_sequences"."last_sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tax"."invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"sku" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"unit_price" bigint NOT NULL,
	"net" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"taxes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax"."invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"currency" text NOT NULL,
	"seller" jsonb NOT NULL,
	"customer_name" text NOT NULL,
	"customer_tax_id" text,
	"customer_address" jsonb,
	"net" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"gross" bigint NOT NULL,
	"status" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	CONSTRAINT "invoices_status_check" CHECK ("tax"."invoices"."status" in ('issued', 'cancelled')),
	CONSTRAINT "invoices_gross_check" CHECK ("tax"."invoices"."gross" = "tax"."invoices"."net" + "tax"."invoices"."tax"),
	CONSTRAINT "invoices_cancellation_check" CHECK (("tax"."invoices"."status" = 'cancelled') = ("tax"."invoices"."cancelled_at" is not null and "tax"."invoices"."cancellation_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "tax"."product_classifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"tax_codes" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax"."rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "rates_basis_points_check" CHECK ("tax"."rates"."rate_basis_points" between 0 and 10000),
	CONSTRAINT "rates_period_check" CHECK ("tax"."rates"."valid_to" is null or "tax"."rates"."valid_to" >= "tax"."rates"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "tax"."settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"legal_name" text NOT NULL,
	"tax_id" text NOT NULL,
	"address_line1" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text NOT NULL,
	"country_code" text NOT NULL,
	CONSTRAINT "settings_country_code_check" CHECK ("tax"."settings"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "tax"."credit_note_lines" ADD CONSTRAINT "credit_note_lines_credit_note_id_credit_notes_id_fk" FOREIGN KEY ("credit_note_id") REFERENCES "tax"."credit_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "tax"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "tax"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_note_lines_number_idx" ON "tax"."credit_note_lines" USING btree ("credit_note_id","line_number");--> statement-breakpoint
CREATE INDEX "credit_note_lines_invoice_idx" ON "tax"."credit_note_lines" USING btree ("invoice_id","line_number");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_number_idx" ON "tax"."credit_notes" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "credit_notes_issue_date_idx" ON "tax"."credit_notes" USING btree ("organization_id","issue_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credit_notes_invoice_idx" ON "tax"."credit_notes" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_sequences_series_idx" ON "tax"."document_sequences" USING btree ("organization_id","series","year");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_number_idx" ON "tax"."invoice_lines" USING btree ("invoice_id","line_number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "tax"."invoices" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "invoices_issue_date_idx" ON "tax"."invoices" USING btree ("organization_id","issue_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "product_classifications_product_idx" ON "tax"."product_classifications" USING btree ("organization_id","product_id");--> statement-breakpoint
CREATE INDEX "rates_organization_code_idx" ON "tax"."rates" USING btree ("organization_id","code","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "settings_organization_idx" ON "tax"."settings" USING btree ("organization_id");--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."settings"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."rates"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."product_classifications"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."document_sequences"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."invoices"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."invoice_lines"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."credit_notes"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "tax"."credit_note_lines"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
-- Issued fiscal documents are immutable (spec §6, ADR 0011). Lines and credit notes: insert only.
-- Statement-level, so even a statement matching no row fails loudly (as for the audit trail).
CREATE OR REPLACE FUNCTION tax.reject_document_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued tax documents are immutable: % on %.% is not allowed', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON "tax"."invoice_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION tax.reject_document_change();
--> statement-breakpoint
CREATE TRIGGER credit_notes_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON "tax"."credit_notes"
  FOR EACH STATEMENT EXECUTE FUNCTION tax.reject_document_change();
--> statement-breakpoint
CREATE TRIGGER credit_note_lines_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON "tax"."credit_note_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION tax.reject_document_change();
--> statement-breakpoint
CREATE TRIGGER invoices_no_delete BEFORE DELETE OR TRUNCATE ON "tax"."invoices"
  FOR EACH STATEMENT EXECUTE FUNCTION tax.reject_document_change();
--> statement-breakpoint
-- An invoice changes once: issued → cancelled, setting only the status and the two cancellation
-- fields (updated_at moves with them). Everything else, amounts above all, stays as issued.
CREATE OR REPLACE FUNCTION tax.invoices_only_cancel() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'issued' OR NEW.status <> 'cancelled'
     OR (to_jsonb(NEW) - ARRAY['status', 'cancelled_at', 'cancellation_reason', 'updated_at'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'cancelled_at', 'cancellation_reason', 'updated_at']) THEN
    RAISE EXCEPTION 'issued invoices are immutable: only issued -> cancelled may change (invoice %)', OLD.number
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_only_cancel BEFORE UPDATE ON "tax"."invoices"
  FOR EACH ROW EXECUTE FUNCTION tax.invoices_only_cancel();
