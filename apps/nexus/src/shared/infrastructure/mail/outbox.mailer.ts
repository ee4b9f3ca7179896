import { Uuid } from "@/shared/domain/uuid.value-object";
import type { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { MailRequested } from "./mail-requested.event";
import type { MailSeal } from "./mail-seal";
import type { MailMessage, QueuedMailer } from "./mailer.port";

/**
 * Mail through the outbox: `send` writes a sealed `platform.mail.requested.v1` row in the current
 * unit of work (so the mail exists if and only if the use case commits) and returns; the relay
 * delivers it with the real mailer (SMTP or dev mailbox), retrying with its backoff while the mail
 * service is down. No request ever waits for, or fails because of, the mail service.
 */
export class OutboxMailer implements QueuedMailer {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly seal: MailSeal,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const content = sealedMail(message);
    await this.enqueue(content, content);
  }

  async sendNothing(lookalike: MailMessage): Promise<void> {
    await this.enqueue(null, sealedMail(lookalike));
  }

  private async enqueue(sealedContent: SealedMail | null, sizeAs: SealedMail): Promise<void> {
    // A fresh aggregate per mail: one undeliverable mail never holds up the others.
    await this.outbox.publish(MailRequested, {
      organizationId: null,
      aggregateId: Uuid.generate(),
      payload: { sealed: this.seal.seal(sealedContent, sizeAs) },
    });
  }
}

/** What a sealed mail request holds. */
export interface SealedMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly expiresAt?: string;
}

function sealedMail(message: MailMessage): SealedMail {
  return {
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    ...(message.expiresAt === undefined ? {} : { expiresAt: message.expiresAt.toISOString() }),
  };
}
