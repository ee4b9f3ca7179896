import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailerAuthMailer } from "@/contexts/auth/infrastructure/adapters/mailer.auth-mailer";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { DevMailboxMailer } from "@/shared/infrastructure/mail/dev-mailbox.mailer";
import { MailSeal } from "@/shared/infrastructure/mail/mail-seal";
import type { MailMessage } from "@/shared/infrastructure/mail/mailer.port";
import { OutboxMailer } from "@/shared/infrastructure/mail/outbox.mailer";
import { parseSecretKeys } from "@/shared/infrastructure/secrets/secret-key";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { defined, uniqueEmail } from "./auth-fixtures";

describe("MailerAuthMailer over the dev mailbox", () => {
  let database: TestDatabase;
  let mailbox: DevMailboxMailer;
  let mailer: MailerAuthMailer;

  beforeAll(async () => {
    database = await createTestDatabase();
    mailbox = new DevMailboxMailer(database.client);
    // The templates only: straight into the mailbox (queueing through the outbox: below, and test/mail/mail-delivery.test.ts).
    const direct = { send: (m: MailMessage) => mailbox.send(m), sendNothing: async () => {} };
    mailer = new MailerAuthMailer(direct, { PUBLIC_BASE_URL: "https://nexus.example.com/" });
  });
  afterAll(() => database.dispose());

  async function onlyMailTo(to: string) {
    const mails = await mailbox.list({ to, limit: 10 });
    expect(mails).toHaveLength(1);
    return defined(mails[0], "mail");
  }

  it("sends a verification mail with a link and the raw token for API users", async () => {
    const to = uniqueEmail("verify");
    const token = "AbC-123_xyz";
    await mailer.sendVerification({ to, name: "Ada", token });
    const mail = await onlyMailTo(to);
    expect(mail.subject).toMatch(/verify/i);
    expect(mail.text).toContain(`https://nexus.example.com/verify-email?token=${token}`);
    expect(mail.text).toContain(`POST /api/v1/auth/email/verify {"token": "${token}"}`);
    expect(mail.text).toContain("24 hours");
    expect(mail.html).toContain(`href="https://nexus.example.com/verify-email?token=${token}"`);
  });

  it("sends a password reset mail with its link, token and 15 minute expiry", async () => {
    const to = uniqueEmail("reset");
    await mailer.sendPasswordReset({ to, name: "Ada", token: "reset-token" });
    const mail = await onlyMailTo(to);
    expect(mail.text).toContain("https://nexus.example.com/reset-password?token=reset-token");
    expect(mail.text).toContain("POST /api/v1/auth/password/reset");
    expect(mail.text).toContain("15 minutes");
  });

  it("sends an invitation with a fixed subject, naming organization, inviter and role only in the body, escaped in HTML", async () => {
    const to = uniqueEmail("invitee");
    await mailer.sendInvitation({
      to,
      organizationName: "Bakery <script>alert(1)</script>",
      inviterName: "Ada & Co",
      role: "operator",
      token: "invite-token",
    });
    const mail = await onlyMailTo(to);
    expect(mail.subject).toBe("You have been invited to join an organization on Nexus");
    expect(mail.text).toContain('the organization "Bakery <script>alert(1)</script>" on Nexus');
    expect(mail.text).toContain('"Ada & Co"');
    expect(mail.text).toContain("as operator");
    expect(mail.text).toContain("https://nexus.example.com/accept-invitation?token=invite-token");
    expect(mail.text).toContain('POST /api/v1/invitations/accept {"token": "invite-token"}');
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Bakery &#60;script&#62;");
    expect(mail.html).toContain("Ada &#38; Co");
  });

  it("sends an account-exists notice without any token", async () => {
    const to = uniqueEmail("exists");
    await mailer.sendAccountExistsNotice({ to, name: "Ada" });
    const mail = await onlyMailTo(to);
    expect(mail.subject).toMatch(/already have/i);
    expect(mail.text).toContain("https://nexus.example.com/forgot-password");
    expect(mail.text).not.toMatch(/token/i);
  });

  it("the dev mailbox row enlists in a surrounding transaction (SMTP could not: use cases send after commit)", async () => {
    const to = uniqueEmail("rolled-back");
    await expect(
      database.uow.transaction(async () => {
        await mailer.sendVerification({ to, name: "Ada", token: "t" });
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await mailbox.list({ to, limit: 10 })).toEqual([]);
  });
});

describe("MailerAuthMailer through the outbox", () => {
  let database: TestDatabase;
  let mailer: MailerAuthMailer;
  const seal = new MailSeal(parseSecretKeys(randomBytes(32).toString("base64url"), "MAIL_SEAL_KEY"));

  beforeAll(async () => {
    database = await createTestDatabase();
    mailer = new MailerAuthMailer(new OutboxMailer(new OutboxWriter(database.client), seal), {
      PUBLIC_BASE_URL: "https://nexus.example.com/",
    });
  });
  afterAll(() => database.dispose());

  /** The sealed payload of the one mail request `queue` writes. */
  async function sealedBy(queue: () => Promise<void>): Promise<string> {
    const before = new Set((await database.client.db.select().from(outboxEvents)).map((r) => r.id));
    await database.uow.transaction(queue);
    const rows = (await database.client.db.select().from(outboxEvents)).filter((r) => !before.has(r.id));
    expect(rows).toHaveLength(1);
    return (defined(rows[0], "outbox row").payload as { sealed: string }).sealed;
  }

  it("queues a request for nobody as long as the real mail it stands in for, and it opens as nobody", async () => {
    const account = {
      to: "ada.lovelace@example.com",
      name: "Ada Lovelace",
      token: randomBytes(32).toString("base64url"),
    };
    for (const kind of ["password-reset", "verification"] as const) {
      const real = await sealedBy(() =>
        kind === "password-reset" ? mailer.sendPasswordReset(account) : mailer.sendVerification(account),
      );
      const nobody = await sealedBy(() => mailer.sendNothing(kind));
      expect(nobody.length).toBe(real.length);
      expect(seal.unseal(nobody)).toBeNull();
      expect(seal.unseal(real)).toMatchObject({ to: account.to });
    }
  });
});
