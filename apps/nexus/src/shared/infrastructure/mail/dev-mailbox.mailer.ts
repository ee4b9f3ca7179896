import { desc, sql } from "drizzle-orm";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { devMailbox } from "./dev-mailbox-message.table";
import type { Mailer, MailMessage } from "./mailer.port";

export interface DevMailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
}

/**
 * The embedded default: "sends" by storing the message in `platform.dev_mailbox` through the
 * ambient transaction, so a rolled-back use case leaves no mail behind. Read at GET /dev/mailbox.
 */
export class DevMailboxMailer implements Mailer {
  readonly writesThroughTransaction = true;

  constructor(private readonly client: DatabaseClient) {}

  async send(message: MailMessage): Promise<void> {
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(devMailbox)
        .values({
          id: Uuid.generate(),
          recipient: message.to,
          subject: message.subject,
          textBody: message.text,
          htmlBody: message.html ?? null,
        }),
    );
  }

  /** Newest first, optionally only one recipient's (compared case-insensitively). */
  async list(query: { to?: string; limit: number }): Promise<DevMailboxMessage[]> {
    const recipient = query.to === undefined ? undefined : sql`lower(${devMailbox.recipient}) = lower(${query.to})`;
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(devMailbox)
        .where(recipient)
        .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
        .limit(query.limit),
    );
    return rows.map((r) => ({
      id: r.id,
      to: r.recipient,
      subject: r.subject,
      text: r.textBody,
      html: r.htmlBody,
      createdAt: r.createdAt,
    }));
  }
}
