CREATE TABLE "tax"."issue_requests" (
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"document_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issue_requests_organization_id_scope_key_pk" PRIMARY KEY("organization_id","scope","key"),
	CONSTRAINT "issue_requests_scope_check" CHECK ("tax"."issue_requests"."scope" = 'invoice' or "tax"."issue_requests"."scope" like 'credit-note:%')
);
