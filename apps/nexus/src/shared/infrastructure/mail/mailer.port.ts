export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends one email. Throws ServiceUnavailableError("mail") when the mail service cannot be reached.
 *
 * Transactions: the dev mailbox writes through the ambient transaction, so a mail "sent" by a use
 * case that rolls back disappears with it. SMTP cannot take part in a transaction: a mail handed
 * to it is gone. Use cases therefore send mail after their transaction commits (or, later, from an
 * outbox event), never in the middle of one.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
