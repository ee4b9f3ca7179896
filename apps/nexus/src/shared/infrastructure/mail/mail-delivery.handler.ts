import { and, eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { inboxEntries } from "@/shared/infrastructure/events/inbox-entry.table";
import type { IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { MailRequested } from "./mail-requested.event";
import type { MailSeal } from "./mail-seal";
import type { Mailer, MailMessage } from "./mailer.port";
import type { SealedMail } from "./outbox.mailer";

/** Names the delivery in the inbox: a row per mail request handled (sent, or nobody to send to). */
export const MAIL_DELIVERY_CONSUMER = "platform.mail-delivery";

export interface MailDeliveryDeps {
  readonly client: DatabaseClient;
  readonly uow: UnitOfWork;
  readonly seal: MailSeal;
  readonly mailer: () => Mailer;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Delivers one queued mail request (ADR 0014). Never holds a transaction across a network send: on
 * PGlite that would hold the only connection for an SMTP round trip, and every request behind it
 * would wait. So a network mailer runs claim, send, record: the relay's lease on the outbox row is
 * the claim, a recorded inbox row means "sent before" (a redelivery is skipped), and the row is
 * written after the send succeeded — at least once: a crash or a lost write between the two sends
 * the mail again. A mailer that writes through the transaction (the dev mailbox) writes the mail
 * and its inbox row together: exactly once. A failed send throws; the relay retries with backoff.
 */
export class MailDeliveryHandler {
  private readonly now: () => number;

  constructor(private readonly deps: MailDeliveryDeps) {
    this.now = deps.now ?? Date.now;
  }

  async deliver(event: IntegrationEvent): Promise<void> {
    const message = this.open(event);
    const mailer = this.deps.mailer();
    if (mailer.writesThroughTransaction) {
      await this.deps.uow.transaction(async () => {
        if ((await this.record(event.id)) && message) await mailer.send(message);
      });
      return;
    }
    if (await this.recorded(event.id)) return; // sent before: a redelivery
    if (message) await mailer.send(message);
    await this.record(event.id);
  }

  /** The message to send; null when there is nobody to mail or its link expired before delivery. */
  private open(event: IntegrationEvent): MailMessage | null {
    const { sealed } = MailRequested.schema.parse(event.payload);
    const mail = this.deps.seal.unseal(sealed) as SealedMail | null;
    if (mail === null) return null; // the same work as a real request, nobody to mail
    if (mail.expiresAt !== undefined && Date.parse(mail.expiresAt) <= this.now()) {
      this.deps.logger.warn(
        { eventId: event.id },
        "queued mail dropped: its link expired before it could be delivered",
      );
      return null;
    }
    return {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html === undefined ? {} : { html: mail.html }),
    };
  }

  private async recorded(eventId: Uuid): Promise<boolean> {
    const rows = await withDatabaseErrors(() =>
      this.deps.client
        .executor()
        .select({ eventId: inboxEntries.eventId })
        .from(inboxEntries)
        .where(and(eq(inboxEntries.consumer, MAIL_DELIVERY_CONSUMER), eq(inboxEntries.eventId, eventId))),
    );
    return rows.length > 0;
  }

  /** True when this call wrote the row (nobody recorded the request before). */
  private async record(eventId: Uuid): Promise<boolean> {
    const rows = await withDatabaseErrors(() =>
      this.deps.client
        .executor()
        .insert(inboxEntries)
        .values({ consumer: MAIL_DELIVERY_CONSUMER, eventId })
        .onConflictDoNothing()
        .returning({ eventId: inboxEntries.eventId }),
    );
    return rows.length > 0;
  }
}
