import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import { EventRelay } from "@/shared/infrastructure/events/event-relay";
import { InProcessEventTransport } from "@/shared/infrastructure/events/in-process.event-transport";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { DevMailboxMailer } from "@/shared/infrastructure/mail/dev-mailbox.mailer";
import { MAIL_DELIVERY_CONSUMER, MailDeliveryHandler } from "@/shared/infrastructure/mail/mail-delivery.handler";
import { MailDeliveryTransport } from "@/shared/infrastructure/mail/mail-delivery.transport";
import { MailSeal } from "@/shared/infrastructure/mail/mail-seal";
import type { Mailer } from "@/shared/infrastructure/mail/mailer.port";
import { OutboxMailer } from "@/shared/infrastructure/mail/outbox.mailer";
import { SmtpMailer } from "@/shared/infrastructure/mail/smtp.mailer";
import { parseSecretKeys } from "@/shared/infrastructure/secrets/secret-key";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { closedPort, startSmtp, type TestSmtp } from "../support/test-smtp";

const logger = createLogger({ LOG_LEVEL: "silent" });
const seal = new MailSeal(parseSecretKeys(randomBytes(32).toString("base64url"), "MAIL_SEAL_KEY"));
const cleanup: (() => Promise<void> | void)[] = [];
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await t.dispose();
});

/** A relay over the in-process transport with mail taken out, as the app wires it; no backoff. */
function relayMailingWith(mailer: Mailer): EventRelay {
  const mail = new MailDeliveryHandler({ client: t.client, uow: t.uow, seal, mailer: () => mailer, logger });
  const transport = new MailDeliveryTransport(
    new InProcessEventTransport(new EventDispatcher(t.client, t.uow, logger)),
    mail,
    logger,
  );
  return new EventRelay(t.client, transport, { pollMs: 60_000, maxAttempts: 10, backoff: () => 0 }, logger);
}

function smtpMailer(url: string): SmtpMailer {
  const mailer = new SmtpMailer({ url, from: "Nexus <no-reply@nexus.test>", timeoutMs: 5_000 });
  cleanup.push(() => mailer.close());
  return mailer;
}

async function smtpOn(options: Parameters<typeof startSmtp>[0] = {}): Promise<TestSmtp> {
  const smtp = await startSmtp(options);
  cleanup.push(() => smtp.close());
  return smtp;
}

/** Queues a mail the way a use case does: a sealed outbox row in a unit of work. */
async function queue(message: { to: string; expiresAt?: Date } | null): Promise<void> {
  const mailer = new OutboxMailer(new OutboxWriter(t.client), seal);
  await t.uow.transaction(() =>
    message === null
      ? mailer.sendNothing({ to: "someone@example.com", subject: "Hello", text: "Your token is: x" })
      : mailer.send({ subject: "Hello", text: "Your token is: x", ...message }),
  );
}

const recordedRequests = async (): Promise<number> =>
  Number(
    (
      await queryRows<{ n: number }>(
        t.client.db,
        sql`select count(*)::int as n from platform.inbox where consumer = ${MAIL_DELIVERY_CONSUMER}`,
      )
    )[0]?.n,
  );

const outboxStatuses = async (): Promise<string[]> =>
  (await t.client.db.select({ status: outboxEvents.status }).from(outboxEvents)).map((r) => r.status);

describe("mail delivery by the relay", () => {
  it("sends over SMTP with no transaction open: the database answers while the mail is being accepted", async () => {
    const seen: number[] = [];
    // Before accepting, the SMTP server asks the database how many sessions sit in an open
    // transaction. A send inside one would show up here on PostgreSQL, and on PGlite (one
    // connection) this query would wait for the send that waits for it: the mail never arrives.
    const smtp = await smtpOn({
      overrides: {
        onData(stream, _session, callback) {
          stream.resume();
          stream.on("end", async () => {
            const [row] = await queryRows<{ n: number }>(
              t.client.db,
              sql`select count(*)::int as n from pg_stat_activity
                  where datname = current_database() and state like 'idle in transaction%'`,
            );
            seen.push(Number(row?.n));
            callback();
          });
        },
      },
    });
    await queue({ to: "ada@example.com" });

    await relayMailingWith(smtpMailer(smtp.url)).drain();

    expect(seen).toEqual([0]);
    expect(await recordedRequests()).toBe(1);
    expect(await outboxStatuses()).toEqual(["delivered"]);
  });

  it("retries a failed send until SMTP is back, then mails once; a redelivered request is not mailed again", async () => {
    const port = await closedPort();
    const relay = relayMailingWith(smtpMailer(`smtp://127.0.0.1:${port}`));
    await queue({ to: "ada@example.com" });
    await queue(null);

    await relay.runOnce(); // SMTP down: the mail fails and stays due; the request that mails nobody is handled
    const [failed] = await t.client.db
      .select({ status: outboxEvents.status, attempts: outboxEvents.attempts })
      .from(outboxEvents)
      .where(eq(outboxEvents.status, "pending"));
    expect(failed).toEqual({ status: "pending", attempts: 1 });
    expect(await recordedRequests()).toBe(1);

    const smtp = await smtpOn({ port });
    await relay.drain();
    expect(smtp.received.map((m) => m.to)).toEqual([["ada@example.com"]]);
    expect(await outboxStatuses()).toEqual(["delivered", "delivered"]);
    expect(await recordedRequests()).toBe(2);

    // The relay delivers again when marking "delivered" is lost: the recorded request is skipped.
    await t.client.db.update(outboxEvents).set({ status: "pending", nextAttemptAt: sql`now()` });
    await relay.drain();
    expect(smtp.received).toHaveLength(1);
    expect(await outboxStatuses()).toEqual(["delivered", "delivered"]);
  });

  it("stores each mail once in the dev mailbox, and nothing for nobody or for a link that expired", async () => {
    const mailbox = new DevMailboxMailer(t.client);
    await queue({ to: "bob@example.com" });
    await queue({ to: "late@example.com", expiresAt: new Date(Date.now() - 1000) });
    await queue(null);
    const relay = relayMailingWith(mailbox);

    await relay.drain();
    await t.client.db.update(outboxEvents).set({ status: "pending", nextAttemptAt: sql`now()` });
    await relay.drain();

    expect((await mailbox.list({ limit: 10 })).map((m) => m.to)).toEqual(["bob@example.com"]);
    expect(await recordedRequests()).toBe(3);
    expect(await outboxStatuses()).toEqual(["delivered", "delivered", "delivered"]);
  });
});
