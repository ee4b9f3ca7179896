export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A queue drops the mail instead of delivering it after this (its link no longer works). */
  expiresAt?: Date;
}

/**
 * Sends one email now. Throws ServiceUnavailableError("mail") when the mail service cannot be reached.
 * SMTP cannot take part in a transaction; the dev mailbox writes through the ambient one. Use cases
 * do not call it: they queue mail with a `QueuedMailer`, and the relay calls this one.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /**
   * True when `send` only writes through the ambient transaction (the dev mailbox): the delivery then
   * sends and records in one transaction. Otherwise (SMTP) it never sends inside a transaction.
   */
  readonly writesThroughTransaction?: boolean;
}

/**
 * Mail through the outbox (`OutboxMailer`): `send` queues the mail in the current unit of work and
 * returns without touching the mail service; `sendNothing` does the same work and mails nobody, for
 * answers that must not reveal whether there was anyone to mail: its row is sealed to the size of
 * `lookalike`, the mail it stands in for (rendered the same way, for a stand-in recipient), so
 * neither the work nor the outbox row tells the two apart. Call both inside the unit of work.
 */
export interface QueuedMailer {
  send(message: MailMessage): Promise<void>;
  sendNothing(lookalike: MailMessage): Promise<void>;
}
