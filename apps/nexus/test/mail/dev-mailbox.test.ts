import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { createMailer, shouldExposeDevMailbox } from "@/shared/infrastructure/mail/create-mailer";
import { DevMailboxController } from "@/shared/infrastructure/mail/dev-mailbox.controller";
import { DevMailboxMailer } from "@/shared/infrastructure/mail/dev-mailbox.mailer";
import { SmtpMailer } from "@/shared/infrastructure/mail/smtp.mailer";
import { createTestApp } from "../support/test-app";
import { testConfig } from "../support/test-config";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let mailbox: DevMailboxMailer;

beforeAll(async () => {
  db = await createTestDatabase();
  mailbox = new DevMailboxMailer(db.client);
});
afterAll(() => db.dispose());

describe("DevMailboxMailer", () => {
  it("stores sent mail, newest first, filtered by recipient case-insensitively", async () => {
    await mailbox.send({ to: "bob@example.com", subject: "first", text: "one" });
    await mailbox.send({ to: "bob@example.com", subject: "second", text: "two", html: "<p>two</p>" });
    await mailbox.send({ to: "carol@example.com", subject: "other", text: "x" });

    const items = await mailbox.list({ to: "Bob@Example.com", limit: 10 });
    expect(items.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(items[0]).toMatchObject({ to: "bob@example.com", text: "two", html: "<p>two</p>" });
    expect(items[1]?.html).toBeNull();
    expect(await mailbox.list({ to: "bob@example.com", limit: 1 })).toHaveLength(1);
  });

  it("drops a mail sent inside a transaction that rolls back, keeps one that commits", async () => {
    await expect(
      db.uow.transaction(async () => {
        await mailbox.send({ to: "dave@example.com", subject: "rolled back", text: "x" });
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    await db.uow.transaction(() => mailbox.send({ to: "dave@example.com", subject: "committed", text: "y" }));

    const items = await mailbox.list({ to: "dave@example.com", limit: 10 });
    expect(items.map((m) => m.subject)).toEqual(["committed"]);
  });
});

describe("GET /dev/mailbox", () => {
  const app = new OpenAPIHono<AppEnv>();
  beforeAll(() => new DevMailboxController(mailbox).register(app));

  it("lists a recipient's mail newest first with the requested limit", async () => {
    await mailbox.send({ to: "erin@example.com", subject: "hello", text: "a" });
    await mailbox.send({ to: "erin@example.com", subject: "again", text: "b", html: "<i>b</i>" });

    const res = await app.request("/dev/mailbox?to=erin@example.com&limit=1");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<Record<string, unknown>> };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ to: "erin@example.com", subject: "again", text: "b", html: "<i>b</i>" });
    expect(body.items[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(typeof body.items[0]?.id).toBe("string");
  });

  it("rejects a limit out of range", async () => {
    expect((await app.request("/dev/mailbox?limit=0")).status).toBe(400);
    expect((await app.request("/dev/mailbox?limit=201")).status).toBe(400);
  });
});

describe("mail wiring", () => {
  it("uses SMTP when SMTP_URL is set, else the dev mailbox", () => {
    const smtp = createMailer(testConfig({ SMTP_URL: "smtp://127.0.0.1:2525" }), db.client);
    expect(smtp).toBeInstanceOf(SmtpMailer);
    (smtp as SmtpMailer).close();
    expect(createMailer(testConfig({ SMTP_URL: "" }), db.client)).toBeInstanceOf(DevMailboxMailer);
  });

  it("exposes the dev mailbox only outside production, without SMTP, and on loopback unless enabled", () => {
    const at = (overrides: Partial<Parameters<typeof shouldExposeDevMailbox>[0]>) =>
      shouldExposeDevMailbox({
        NODE_ENV: "development",
        SMTP_URL: undefined,
        HOST: "127.0.0.1",
        DEV_MAILBOX: "auto",
        ...overrides,
      });
    expect(at({})).toBe(true);
    expect(at({ NODE_ENV: "test" })).toBe(true);
    expect(at({ HOST: "localhost" })).toBe(true);
    expect(at({ HOST: "::1" })).toBe(true);
    expect(at({ NODE_ENV: "production" })).toBe(false);
    expect(at({ SMTP_URL: "smtp://mail:25" })).toBe(false);
    // Reachable from the network: only when explicitly enabled (never in production).
    expect(at({ HOST: "0.0.0.0" })).toBe(false);
    expect(at({ HOST: "192.168.1.20" })).toBe(false);
    expect(at({ HOST: "0.0.0.0", DEV_MAILBOX: "true" })).toBe(true);
    expect(at({ HOST: "0.0.0.0", DEV_MAILBOX: "true", NODE_ENV: "production" })).toBe(false);
    expect(at({ DEV_MAILBOX: "false" })).toBe(false);
  });

  it("serves /dev/mailbox on the default (loopback) address and not when listening on every interface", async () => {
    const loopback = await createTestApp();
    const everywhere = await createTestApp({ HOST: "0.0.0.0" });
    try {
      expect((await loopback.request("/dev/mailbox")).status).toBe(200);
      expect((await everywhere.request("/dev/mailbox")).status).toBe(404);
    } finally {
      await Promise.all([loopback.dispose(), everywhere.dispose()]);
    }
  });
});
