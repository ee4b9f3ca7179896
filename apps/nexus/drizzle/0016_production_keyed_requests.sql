CREATE TABLE "production"."keyed_requests" (
	"organization_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "keyed_requests_organization_id_operation_key_pk" PRIMARY KEY("organization_id","operation","key"),
	CONSTRAINT "keyed_requests_operation_check" CHECK ("production"."keyed_requests"."operation" in ('order', 'receipt', 'adjustment'))
);
