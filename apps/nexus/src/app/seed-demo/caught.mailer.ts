import type { Mailer, MailMessage } from "@/shared/infrastructure/mail/mailer.port";

/**
 * Keeps the mails `seed-demo` causes instead of sending them: the demo owner's address is not a real
 * one, and the seed follows the verification mail's token itself, like the owner would.
 */
export class CaughtMailer implements Mailer {
  readonly messages: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.messages.push(message);
  }

  /** The token a mail to `to` carries (the line after "Your token is:"). */
  tokenSentTo(to: string): string {
    const mail = this.messages.findLast((m) => m.to === to);
    const token = mail?.text.match(/token is:\s*(\S+)/)?.[1];
    if (!token) throw new Error(`no mail with a token was sent to ${to}`);
    return token;
  }
}
