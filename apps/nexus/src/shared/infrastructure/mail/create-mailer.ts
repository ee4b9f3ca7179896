import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { DevMailboxMailer } from "./dev-mailbox.mailer";
import type { Mailer } from "./mailer.port";
import { SmtpMailer } from "./smtp.mailer";

/** SMTP when SMTP_URL is set, else the dev mailbox in the database (the embedded default). */
export function createMailer(config: Pick<Config, "SMTP_URL" | "MAIL_FROM">, client: DatabaseClient): Mailer {
  if (config.SMTP_URL) return new SmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
  return new DevMailboxMailer(client);
}

/**
 * GET /dev/mailbox exists only outside production, only when mail goes to the dev mailbox (with SMTP
 * configured it would always be empty), and only when nobody else can reach it: the server listens
 * on a loopback address, or DEV_MAILBOX=true says a shared dev box wants it anyway. Anyone who can
 * read it can take over any account (it holds every reset link).
 */
export function shouldExposeDevMailbox(
  config: Pick<Config, "NODE_ENV" | "SMTP_URL" | "HOST" | "DEV_MAILBOX">,
): boolean {
  if (config.NODE_ENV === "production" || config.SMTP_URL || config.DEV_MAILBOX === "false") return false;
  return config.DEV_MAILBOX === "true" || isLoopback(config.HOST);
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}
