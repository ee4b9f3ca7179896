import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import type { EventContract } from "@/shared/infrastructure/events/integration-event";
import { OutboxStore } from "@/shared/infrastructure/events/outbox-store";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { MailRequested } from "@/shared/infrastructure/mail/mail-requested.event";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const logger = createLogger({ LOG_LEVEL: "silent" });
const logged: EventContract<{ n: number }> = {
  type: "test.logged.v1",
  version: 1,
  schema: z.object({ n: z.number() }),
};
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.dispose());

const DAY_MS = 86_400_000;
const ago = (days: number) => Timestamp.fromMillis(Date.now() - days * DAY_MS);

async function publish<T>(contract: EventContract<T>, payload: T, daysAgo: number) {
  return t.uow.transaction(() =>
    new OutboxWriter(t.client).publish(contract, {
      organizationId: null,
      aggregateId: Uuid.generate(),
      payload,
      occurredAt: ago(daysAgo),
    }),
  );
}

const remaining = async () =>
  (
    await queryRows<{ type: string; days: number; status: string }>(
      t.client.db,
      sql`select type, round(extract(epoch from now() - occurred_at) / 86400)::int as days, status
          from platform.outbox_events order by type, occurred_at`,
    )
  ).map((r) => `${r.type} ${r.days}d ${r.status}`);

describe("transient outbox events (EventContract.retainDays)", () => {
  it("purges delivered transient events past their retention with their inbox rows; keeps the log and what is undelivered", async () => {
    const dispatcher = new EventDispatcher(t.client, t.uow, logger);
    dispatcher.subscribe("test.mail", MailRequested, async () => {});
    dispatcher.subscribe("test.log", logged, async () => {});
    const oldMail = await publish(MailRequested, { sealed: "x" }, 8);
    const freshMail = await publish(MailRequested, { sealed: "y" }, 6);
    const oldLogged = await publish(logged, { n: 1 }, 400);
    await publish(MailRequested, { sealed: "z" }, 9); // never delivered: kept, whatever its age
    for (const event of [oldMail, freshMail, oldLogged]) await dispatcher.dispatch(event);
    await t.client.db.execute(
      sql`update platform.outbox_events set status = 'delivered' where id in (${oldMail.id}, ${freshMail.id}, ${oldLogged.id})`,
    );

    expect(await new OutboxStore(t.client).purgeTransient()).toBe(1);

    expect(await remaining()).toEqual([
      "platform.mail.requested.v1 9d pending",
      "platform.mail.requested.v1 6d delivered",
      "test.logged.v1 400d delivered",
    ]);
    const inbox = await queryRows<{ event_id: string }>(t.client.db, sql`select event_id from platform.inbox`);
    expect(inbox.map((r) => r.event_id).sort()).toEqual([freshMail.id, oldLogged.id].sort());
    expect(await new OutboxStore(t.client).purgeTransient()).toBe(0);
  });
});
