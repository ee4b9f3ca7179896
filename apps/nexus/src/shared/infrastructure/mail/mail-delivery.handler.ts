import type { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { MailRequested } from "./mail-requested.event";
import type { MailSeal } from "./mail-seal";
import type { Mailer } from "./mailer.port";
import type { SealedMail } from "./outbox.mailer";

export const MAIL_DELIVERY_CONSUMER = "platform.mail-delivery";

/**
 * Delivers queued mail. Runs in the dispatcher's transaction with its inbox row: a failed send
 * (SMTP down) throws, rolls the inbox row back and the relay retries with backoff; the dev mailbox
 * writes in that same transaction, so it stores each mail exactly once. A request past its
 * `expiresAt` (its link no longer works) is dropped rather than mailed late.
 */
export function subscribeMailDelivery(
  dispatcher: EventDispatcher,
  deps: {
    readonly seal: MailSeal;
    readonly mailer: () => Mailer;
    readonly logger: Logger;
    readonly now?: () => number;
  },
): void {
  const now = deps.now ?? Date.now;
  dispatcher.subscribe(MAIL_DELIVERY_CONSUMER, MailRequested, async (event) => {
    const mail = deps.seal.unseal(event.payload.sealed) as SealedMail | null;
    if (mail === null) return; // the same work as a real request, nobody to mail
    if (mail.expiresAt !== undefined && Date.parse(mail.expiresAt) <= now()) {
      deps.logger.warn({ eventId: event.id }, "queued mail dropped: its link expired before it could be delivered");
      return;
    }
    await deps.mailer().send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html === undefined ? {} : { html: mail.html }),
    });
  });
}
