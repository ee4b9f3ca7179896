CREATE TABLE "platform"."audit_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"chain_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_type" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"ip" text,
	"user_agent" text,
	"trace_id" text,
	"metadata" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."inbox" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "platform"."outbox_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sequence" bigserial NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"organization_id" uuid,
	"aggregate_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_events_sequence_uq" UNIQUE("sequence"),
	CONSTRAINT "outbox_events_status_check" CHECK ("platform"."outbox_events"."status" in ('pending', 'delivered', 'parked'))
);
--> statement-breakpoint
CREATE TABLE "platform"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text NOT NULL,
	"claim_id" uuid NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "idempotency_keys_status_check" CHECK ("platform"."idempotency_keys"."status" in ('in_progress', 'completed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_entries_chain_seq_uq" ON "platform"."audit_entries" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"chain_seq");--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "platform"."outbox_events" USING btree ("sequence") WHERE "platform"."outbox_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_events_undelivered_aggregate_idx" ON "platform"."outbox_events" USING btree ("aggregate_id","sequence") WHERE "platform"."outbox_events"."status" <> 'delivered';--> statement-breakpoint
CREATE INDEX "outbox_events_organization_sequence_idx" ON "platform"."outbox_events" USING btree ("organization_id","sequence");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_at_idx" ON "platform"."idempotency_keys" USING btree ("expires_at");