CREATE TABLE "auth"."memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "memberships_role_check" CHECK ("auth"."memberships"."role" in ('owner', 'admin', 'operator', 'analyst'))
);
--> statement-breakpoint
CREATE TABLE "auth"."one_time_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"invitation_organization_id" uuid,
	"invitation_role" text,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "one_time_tokens_purpose_check" CHECK ("auth"."one_time_tokens"."purpose" in ('email-verification', 'password-reset', 'invitation')),
	CONSTRAINT "one_time_tokens_invitation_role_check" CHECK ("auth"."one_time_tokens"."invitation_role" in ('owner', 'admin', 'operator', 'analyst')),
	CONSTRAINT "one_time_tokens_invitation_check" CHECK (case when "auth"."one_time_tokens"."purpose" = 'invitation'
        then "auth"."one_time_tokens"."invitation_organization_id" is not null and "auth"."one_time_tokens"."invitation_role" is not null and "auth"."one_time_tokens"."invited_by" is not null
        else "auth"."one_time_tokens"."invitation_organization_id" is null and "auth"."one_time_tokens"."invitation_role" is null and "auth"."one_time_tokens"."invited_by" is null end)
);
--> statement-breakpoint
CREATE TABLE "auth"."organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"timezone" text NOT NULL,
	CONSTRAINT "organizations_currency_check" CHECK ("auth"."organizations"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "auth"."refresh_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"generation" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_session_generation_uq" UNIQUE("session_id","generation")
);
--> statement-breakpoint
CREATE TABLE "auth"."sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid,
	"refresh_token_hash" text NOT NULL,
	"generation" integer NOT NULL,
	"rotated_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_generation_check" CHECK ("auth"."sessions"."generation" >= 1),
	CONSTRAINT "sessions_revoked_check" CHECK (("auth"."sessions"."revoked_at" is null) = ("auth"."sessions"."revoked_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "auth"."users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"email_verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_organization_user_uq" ON "auth"."memberships" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_organization_joined_idx" ON "auth"."memberships" USING btree ("organization_id","created_at","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_joined_idx" ON "auth"."memberships" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_time_tokens_token_hash_uq" ON "auth"."one_time_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_active_idx" ON "auth"."sessions" USING btree ("user_id","last_used_at" DESC NULLS LAST) WHERE "auth"."sessions"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_uq" ON "auth"."users" USING btree (lower("email"));--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "auth"."users"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "auth"."organizations"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "auth"."memberships"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "auth"."sessions"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();--> statement-breakpoint
CREATE TRIGGER set_updated_at BEFORE UPDATE ON "auth"."one_time_tokens"
  FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at();
