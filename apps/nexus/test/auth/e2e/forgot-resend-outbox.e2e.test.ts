import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { MAIL_DELIVERY_CONSUMER } from "@/shared/infrastructure/mail/mail-delivery.handler";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { closedPort, startSmtp, type TestSmtp } from "../../support/test-smtp";
import { waitUntil } from "../../support/wait";
import { type AuthClient, uniqueEmail } from "./support/auth-client";
import { createAuthTestApp } from "./support/auth-test-app";

type App = Awaited<ReturnType<typeof createAuthTestApp>>;

const FORGOT = "/api/v1/auth/password/forgot";
const RESEND = "/api/v1/auth/email/resend";
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function appWithSmtp(url: string): Promise<{ app: App; client: AuthClient }> {
  const app = await createAuthTestApp({ SMTP_URL: url });
  cleanup.push(() => app.app.dispose());
  return { app, client: app.client() };
}

async function smtpOn(port?: number): Promise<TestSmtp> {
  const smtp = await startSmtp(port === undefined ? {} : { port });
  cleanup.push(() => smtp.close());
  return smtp;
}

const rows = <T extends Record<string, unknown>>(app: App, query: ReturnType<typeof sql>) =>
  queryRows<T>(app.app.app.container.resolve(PlatformTokens.Database).db, query);

/**
 * Mail requests the delivery handler has applied (its inbox rows). The outbox row turns "delivered"
 * once the relay hands it to the transport — on SQS that is before any mail is sent — so the inbox,
 * written with the send, is what says a mail went out, whichever transport carried it.
 */
const appliedMailRequests = async (app: App): Promise<number> =>
  Number(
    (
      await rows<{ n: number }>(
        app,
        sql`select count(*)::int as n from platform.inbox where consumer = ${MAIL_DELIVERY_CONSUMER}`,
      )
    )[0]?.n,
  );

/** The dispatcher logs each failed handler run, in process or behind SQS alike. */
const failedMailDelivery = (app: App): boolean =>
  app.app.logs.some((line) => line.msg === "event handler failed" && line.consumer === MAIL_DELIVERY_CONSUMER);

const mailsTo = (smtp: TestSmtp, to: string) => smtp.received.filter((m) => m.to.includes(to));
/** The token in a raw message (its quoted-printable soft line breaks undone). */
const tokenIn = (raw: string): string | undefined => /Your token is:\r?\n(\S+)/.exec(raw.replace(/=\r?\n/g, ""))?.[1];

/** Forgot, then resend, for each email: 202 every time. */
async function askForBoth(client: AuthClient, known: string, ghost: string): Promise<void> {
  for (const path of [FORGOT, RESEND]) {
    for (const email of [known, ghost]) {
      const response = await client.request(path, { json: { email } });
      expect(response.status, `${path} ${email}`).toBe(202);
    }
  }
}

/** Registration, reset and resend mails to the known account, each once; nothing to the ghost. */
function expectOnlyTheKnownAccountMailed(smtp: TestSmtp, known: string, ghost: string): void {
  const subjects = mailsTo(smtp, known).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
  expect(subjects.sort()).toEqual([
    "Reset your Nexus password",
    "Verify your email for Nexus",
    "Verify your email for Nexus",
  ]);
  expect(mailsTo(smtp, ghost)).toEqual([]);
}

describe("forgot and resend: mail through the outbox, the same 202 whoever asks", () => {
  it("delivers the known account's mail through the relay to a real SMTP server; mails nobody for an unknown email", async () => {
    const smtp = await smtpOn();
    const { app, client } = await appWithSmtp(smtp.url);
    const known = uniqueEmail("known");
    const ghost = uniqueEmail("ghost");
    await client.register(known);

    await askForBoth(client, known, ghost);
    await waitUntil(async () => (await appliedMailRequests(app)) === 5, 20_000, "every queued mail handled");

    expectOnlyTheKnownAccountMailed(smtp, known, ghost);

    // The outbox holds a request for every ask (known or not), sealed: no address, no token in clear.
    const requests = await rows<{ payload: unknown }>(
      app,
      sql`select payload from platform.outbox_events where type = 'platform.mail.requested.v1'`,
    );
    expect(requests).toHaveLength(5); // registration + 2 × forgot + 2 × resend
    const stored = JSON.stringify(requests);
    for (const mail of mailsTo(smtp, known)) {
      const token = tokenIn(mail.raw);
      expect(token).toMatch(/^[\w-]{43}$/);
      expect(stored).not.toContain(token);
    }
    expect(stored).not.toContain(known);

    // Resend is audited for both, and tells the two apart only in the audit trail.
    const audited = await rows<{ outcome: string; reason: string | null }>(
      app,
      sql`select outcome, metadata->>'reason' as reason from platform.audit_entries
          where action = 'auth.email.verification_requested' order by chain_seq`,
    );
    expect(audited).toEqual([
      { outcome: "success", reason: null },
      { outcome: "failure", reason: "unknown-email" },
    ]);
  });

  it("answers 202 for known and unknown emails while SMTP is down, and delivers the mail once it is back", async () => {
    const port = await closedPort();
    const { app, client } = await appWithSmtp(`smtp://127.0.0.1:${port}`);
    const known = uniqueEmail("known");
    const ghost = uniqueEmail("ghost");
    await client.register(known);

    await askForBoth(client, known, ghost);
    // The delivery has been tried and failed at least once (so the mail really waited for SMTP) …
    await waitUntil(async () => failedMailDelivery(app), 20_000, "a failed delivery attempt");
    expect(await appliedMailRequests(app)).toBeLessThan(5);
    // … and delivers everything, each mail once, after SMTP comes up on that port.
    const smtp = await smtpOn(port);
    await waitUntil(async () => (await appliedMailRequests(app)) === 5, 45_000, "every queued mail handled");
    expectOnlyTheKnownAccountMailed(smtp, known, ghost);

    const token = tokenIn(mailsTo(smtp, known).find((m) => /Subject: Reset/.test(m.raw))?.raw ?? "");
    const reset = await client.request("/api/v1/auth/password/reset", {
      json: { token, newPassword: "Rye-and-caraway-loaf-77" },
    });
    expect(reset.status, await reset.clone().text()).toBe(204);
  });
});
