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
 * GET /dev/mailbox exists only outside production and only when mail goes to the dev mailbox
 * (with SMTP configured it would always be empty). In production the route is not registered at all.
 */
export function shouldExposeDevMailbox(config: Pick<Config, "NODE_ENV" | "SMTP_URL">): boolean {
  return config.NODE_ENV !== "production" && !config.SMTP_URL;
}
