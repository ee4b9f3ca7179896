import type { SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { SmtpMailer } from "@/shared/infrastructure/mail/smtp.mailer";
import { closedPort, startSmtp as startTestSmtp, type TestSmtp } from "../support/test-smtp";

const FROM = "Nexus <no-reply@nexus.test>";
const servers: TestSmtp[] = [];
const mailers: SmtpMailer[] = [];

afterEach(async () => {
  for (const m of mailers.splice(0)) m.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startSmtp(overrides: Partial<SMTPServerOptions> = {}): Promise<TestSmtp> {
  const server = await startTestSmtp({ overrides });
  servers.push(server);
  return server;
}

function mailer(url: string): SmtpMailer {
  const m = new SmtpMailer({ url, from: FROM, timeoutMs: 5_000 });
  mailers.push(m);
  return m;
}

describe("SmtpMailer", () => {
  it("delivers recipient, sender, subject, text and html to a real SMTP server", async () => {
    const smtp = await startSmtp();
    await mailer(smtp.url).send({
      to: "alice@example.com",
      subject: "Verify your email",
      text: "Your code is 12345",
      html: "<p>Your code is <b>12345</b></p>",
    });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["alice@example.com"]);
    expect(mail?.from).toBe("no-reply@nexus.test");
    expect(mail?.raw).toMatch(/^Subject: Verify your email$/m);
    expect(mail?.raw).toMatch(/^From: Nexus <no-reply@nexus\.test>$/m);
    expect(mail?.raw).toContain("Your code is 12345");
    expect(mail?.raw).toContain("<p>Your code is <b>12345</b></p>");
  });

  it("throws ServiceUnavailableError('mail') when no server listens", async () => {
    const error = await mailer(`smtp://127.0.0.1:${await closedPort()}`)
      .send({ to: "a@example.com", subject: "s", text: "t" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).dependency).toBe("mail");
  });

  it("treats a transient 4xx reply as the service being unavailable", async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
      },
    });
    await expect(mailer(smtp.url).send({ to: "a@example.com", subject: "s", text: "t" })).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
  });

  it("lets a permanent rejection of the message through as it is", async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("no such user"), { responseCode: 550 }));
      },
    });
    const error = await mailer(smtp.url)
      .send({ to: "nobody@example.com", subject: "s", text: "t" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ServiceUnavailableError);
    expect(smtp.received).toHaveLength(0);
  });
});
