CREATE TABLE "auth"."access_revocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sequence" bigserial NOT NULL,
	"session_id" uuid,
	"organization_id" uuid,
	"user_id" uuid,
	"role" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_revocations_sequence_uq" UNIQUE("sequence"),
	CONSTRAINT "access_revocations_kind_check" CHECK (("auth"."access_revocations"."session_id" is not null and "auth"."access_revocations"."organization_id" is null and "auth"."access_revocations"."user_id" is null and "auth"."access_revocations"."role" is null)
        or ("auth"."access_revocations"."session_id" is null and "auth"."access_revocations"."organization_id" is not null and "auth"."access_revocations"."user_id" is not null))
);
--> statement-breakpoint
CREATE INDEX "access_revocations_expires_idx" ON "auth"."access_revocations" USING btree ("expires_at");