import { z } from "zod";
import type { EventContract } from "@/shared/infrastructure/events/integration-event";

/**
 * A mail to send, queued in the outbox (platform-internal, not consumed by other contexts). The
 * payload is opaque on purpose: recipient, subject and body (with its one-time link) are sealed
 * by `MailSeal`; a request that mails nobody (the same work for an unknown email) seals `null`.
 */
export const MailRequested: EventContract<{ sealed: string }> = {
  type: "platform.mail.requested.v1",
  version: 1,
  schema: z.object({ sealed: z.string().min(1).max(1_000_000) }),
  // Links in these mails live for hours at most: a week covers redelivery and investigation.
  retainDays: 7,
};
