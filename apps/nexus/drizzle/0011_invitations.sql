ALTER TABLE "auth"."memberships" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
-- Consent (issue #7): members before invitations existed were either creators or invitees who accepted
-- (accepted_at = join time) or registered users an admin added at once, without asking them
-- (audited as auth.member.added at the membership's creation): those stay NULL, and login never
-- picks them as the default organization. The 5 s margin absorbs the audit's own clock read;
-- an auth.member.added of an earlier, since-removed membership is older than that.
UPDATE "auth"."memberships" m SET "accepted_at" = m."created_at"
WHERE NOT EXISTS (
  SELECT 1 FROM "platform"."audit_entries" a
  WHERE a."action" = 'auth.member.added'
    AND a."organization_id" = m."organization_id"
    AND a."resource_id" = m."user_id"::text
    AND a."occurred_at" >= m."created_at" - interval '5 seconds'
);--> statement-breakpoint
-- One pending invitation per (organization, email) from now on: of duplicates, the newest stays
-- pending, the older ones are spent (their links stop working) before the unique index is built.
UPDATE "auth"."one_time_tokens" t SET "used_at" = now()
WHERE t."purpose" = 'invitation' AND t."used_at" IS NULL
  AND EXISTS (
    SELECT 1 FROM "auth"."one_time_tokens" n
    WHERE n."purpose" = 'invitation' AND n."used_at" IS NULL
      AND n."invitation_organization_id" = t."invitation_organization_id" AND n."email" = t."email"
      AND (n."created_at", n."id") > (t."created_at", t."id")
  );--> statement-breakpoint
CREATE UNIQUE INDEX "one_time_tokens_pending_invitation_uq" ON "auth"."one_time_tokens" USING btree ("invitation_organization_id","email") WHERE "auth"."one_time_tokens"."purpose" = 'invitation' and "auth"."one_time_tokens"."used_at" is null;--> statement-breakpoint
CREATE INDEX "one_time_tokens_pending_invitation_email_idx" ON "auth"."one_time_tokens" USING btree ("email") WHERE "auth"."one_time_tokens"."purpose" = 'invitation' and "auth"."one_time_tokens"."used_at" is null;--> statement-breakpoint
CREATE INDEX "one_time_tokens_invitation_organization_created_idx" ON "auth"."one_time_tokens" USING btree ("invitation_organization_id","created_at") WHERE "auth"."one_time_tokens"."purpose" = 'invitation';--> statement-breakpoint
CREATE INDEX "one_time_tokens_invited_by_created_idx" ON "auth"."one_time_tokens" USING btree ("invited_by","created_at") WHERE "auth"."one_time_tokens"."purpose" = 'invitation';