CREATE TABLE "production"."ingredients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"sku" text,
	"reorder_level_milli" bigint,
	"allergens" text[] NOT NULL,
	"supplier" text
);
--> statement-breakpoint
CREATE TABLE "production"."lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"code" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"total_cost" bigint NOT NULL,
	"remaining_milli" bigint NOT NULL,
	"remaining_value" bigint NOT NULL,
	"expires_on" date,
	"received_at" timestamp with time zone NOT NULL,
	"supplier" text,
	"order_id" uuid,
	"recipe_version" integer,
	"allergens" text[] NOT NULL,
	CONSTRAINT "lots_quantity_check" CHECK ("production"."lots"."quantity_milli" > 0 and "production"."lots"."total_cost" >= 0),
	CONSTRAINT "lots_remaining_check" CHECK ("production"."lots"."remaining_milli" >= 0 and "production"."lots"."remaining_value" >= 0),
	CONSTRAINT "lots_item_kind_check" CHECK ("production"."lots"."item_kind" in ('ingredient', 'product'))
);
--> statement-breakpoint
CREATE TABLE "production"."products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sku" text NOT NULL,
	"unit" text NOT NULL,
	"shelf_life_days" integer,
	"recipe_version" integer
);
--> statement-breakpoint
CREATE TABLE "production"."orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"recipe_id" uuid NOT NULL,
	"recipe_version" integer NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"planned_for" date NOT NULL,
	"status" text NOT NULL,
	"produced_milli" bigint,
	"cost" bigint,
	"product_lot_id" uuid,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "orders_status_check" CHECK ("production"."orders"."status" in ('planned', 'in_progress', 'completed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "production"."recipes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"organization_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"yield_milli" bigint NOT NULL,
	"items" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "production"."sales" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"customer_name" text NOT NULL,
	"customer_tax_id" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "production"."stock_items" (
	"organization_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"value" bigint NOT NULL,
	"shortfall_milli" bigint NOT NULL,
	"shortfall_value" bigint NOT NULL,
	"last_sequence" bigint NOT NULL,
	CONSTRAINT "stock_items_pkey" PRIMARY KEY("organization_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "production"."stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"sequence" bigint NOT NULL,
	"lot_id" uuid,
	"kind" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"value" bigint NOT NULL,
	"balance_milli" bigint NOT NULL,
	"balance_value" bigint NOT NULL,
	"document_type" text NOT NULL,
	"document_id" uuid NOT NULL,
	"line_number" integer,
	"reverses_movement_id" uuid,
	"reason" text,
	"note" text,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_movements_kind_check" CHECK ("production"."stock_movements"."kind" in ('receipt', 'consumption', 'output', 'sale', 'sale-reversal', 'adjustment'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ingredients_org_sku_key" ON "production"."ingredients" USING btree ("organization_id","sku") WHERE "production"."ingredients"."sku" is not null;--> statement-breakpoint
CREATE INDEX "ingredients_org_id_idx" ON "production"."ingredients" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "lots_org_item_idx" ON "production"."lots" USING btree ("organization_id","item_id","id");--> statement-breakpoint
CREATE INDEX "lots_org_id_idx" ON "production"."lots" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "lots_order_idx" ON "production"."lots" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_org_sku_key" ON "production"."products" USING btree ("organization_id","sku");--> statement-breakpoint
CREATE INDEX "products_org_id_idx" ON "production"."products" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "orders_org_id_idx" ON "production"."orders" USING btree ("organization_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "recipes_product_version_key" ON "production"."recipes" USING btree ("product_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_movements_item_sequence_key" ON "production"."stock_movements" USING btree ("organization_id","item_id","sequence");--> statement-breakpoint
CREATE INDEX "stock_movements_org_time_idx" ON "production"."stock_movements" USING btree ("organization_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "stock_movements_lot_idx" ON "production"."stock_movements" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "stock_movements_document_idx" ON "production"."stock_movements" USING btree ("organization_id","document_id");--> statement-breakpoint
CREATE INDEX "stock_movements_reverses_idx" ON "production"."stock_movements" USING btree ("reverses_movement_id");
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "production"."ingredients"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "production"."products"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "production"."lots"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "production"."orders"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
--> statement-breakpoint
-- The stock ledger is append-only, like the audit trail: a statement-level trigger (not a rule, which
-- would silently do nothing) refuses UPDATE, DELETE and TRUNCATE. Corrections are new movements.
CREATE OR REPLACE FUNCTION production.stock_movements_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'production.stock_movements is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "production"."stock_movements"
  FOR EACH STATEMENT EXECUTE FUNCTION production.stock_movements_reject_change();
