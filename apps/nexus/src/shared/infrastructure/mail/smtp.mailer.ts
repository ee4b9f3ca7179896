import nodemailer, { type Transporter } from "nodemailer";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import type { Mailer, MailMessage } from "./mailer.port";

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… (config SMTP_URL). */
  url: string;
  /** Sender address (config MAIL_FROM). */
  from: string;
  /** Connect, greeting and socket timeouts; a dead server must not hold a request for minutes. */
  timeoutMs?: number;
}

// nodemailer error codes meaning "the server is not usable right now" (rather than "this message is bad").
const UNAVAILABLE_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EAUTH", "EPROTOCOL"]);

/** Sends through an SMTP server with nodemailer; one connection per message (mail volume is low). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      url: options.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
    } catch (error) {
      throw isUnavailable(error) ? new ServiceUnavailableError("mail", { cause: error }) : error;
    }
  }

  close(): void {
    this.transport.close();
  }
}

function isUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  // 4xx replies are transient by definition (RFC 5321 §4.2.1): try again later.
  if (typeof responseCode === "number" && responseCode >= 400 && responseCode < 500) return true;
  return typeof code === "string" && UNAVAILABLE_CODES.has(code);
}
