CREATE TABLE "bi"."daily_facts" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"revenue_net" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"units_sold" numeric(20, 3) DEFAULT '0' NOT NULL,
	"units_produced" numeric(20, 3) DEFAULT '0' NOT NULL,
	"production_cost" bigint DEFAULT 0 NOT NULL,
	"cost_of_goods_sold" bigint DEFAULT 0 NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_facts_organization_id_day_pk" PRIMARY KEY("organization_id","day")
);
--> statement-breakpoint
CREATE TABLE "bi"."daily_product_facts" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"product_id" uuid NOT NULL,
	"revenue_net" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"units_sold" numeric(20, 3) DEFAULT '0' NOT NULL,
	"units_produced" numeric(20, 3) DEFAULT '0' NOT NULL,
	"production_cost" bigint DEFAULT 0 NOT NULL,
	"cost_of_goods_sold" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_product_facts_organization_id_day_product_id_pk" PRIMARY KEY("organization_id","day","product_id")
);
--> statement-breakpoint
CREATE TABLE "bi"."applied_events" (
	"organization_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "applied_events_organization_id_event_id_pk" PRIMARY KEY("organization_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "bi"."document_days" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "document_days_organization_id_kind_document_id_pk" PRIMARY KEY("organization_id","kind","document_id")
);
--> statement-breakpoint
CREATE TABLE "bi"."invoices" (
	"organization_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb,
	CONSTRAINT "invoices_organization_id_invoice_id_pk" PRIMARY KEY("organization_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "bi"."organizations" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"timezone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bi"."products" (
	"organization_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sku" text NOT NULL,
	"unit" text,
	CONSTRAINT "products_organization_id_product_id_pk" PRIMARY KEY("organization_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "bi"."projection_state" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL,
	"last_applied_at" timestamp with time zone NOT NULL,
	"rebuilt_at" timestamp with time zone
);
