import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectedEvent } from "@/contexts/bi/application/projected-events";
import { createHttpServer } from "@/shared/infrastructure/http/create-http-server";
import type { HttpServer } from "@/shared/infrastructure/http/http-server.port";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { AuthClient, PASSWORD } from "../auth/e2e/support/auth-client";
import { screenshotPath } from "../support/screenshots";
import { createTestApp, type TestApp } from "../support/test-app";
import {
  BREAD,
  CAKE,
  goodsShipped,
  inOrganization,
  invoiceIssued,
  organizationCreated,
} from "./support/bi-events.fixtures";
import { publishAs } from "./support/bi-projection-harness";

/** Happening now (the fixtures' clock is in the past), so the freshness line shows a real lag. */
const justNow = (event: ProjectedEvent): ProjectedEvent => ({ ...event, occurredAt: new Date().toISOString() });
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The dashboard in headless Chromium (Debian's `chromium`, driven by playwright-core) against the
 * whole app on a real HTTP port: sign in, tiles equal the API, a new invoice shows up without reload.
 */
describe("BI dashboard in a browser", () => {
  let app: TestApp;
  let server: HttpServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  let owner: Awaited<ReturnType<AuthClient["owner"]>>;
  const client = () => new AuthClient((path, init) => app.request(path, init));

  beforeAll(async () => {
    app = await createTestApp({ TRUST_PROXY_HOPS: "1" });
    server = createHttpServer(app.app.http.fetch, { host: "127.0.0.1", port: 0, shutdownTimeoutMs: 1000 });
    base = `http://127.0.0.1:${(await server.listen()).port}`;
    owner = await client().owner("dashboard-owner");
    const bus = app.app.container.resolve(PlatformTokens.EventBus);
    await publishAs(bus, justNow(inOrganization(owner.organizationId, organizationCreated("UTC", "EUR"))));
    const sale = invoiceIssued(today(), [
      { productId: BREAD, quantity: "12", unitPrice: 250, net: 3000, tax: 690 },
      { productId: CAKE, quantity: "2", unitPrice: 1800, net: 3600, tax: 828 },
    ]);
    await publishAs(bus, justNow(inOrganization(owner.organizationId, sale)));
    await publishAs(
      bus,
      justNow(
        inOrganization(
          owner.organizationId,
          goodsShipped(sale, [
            { productId: BREAD, quantity: "12", cost: 960 },
            { productId: CAKE, quantity: "2", cost: 1400 },
          ]),
        ),
      ),
    );
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.dispose();
  });

  const tile = (kpi: string) => page.locator(`[data-kpi="${kpi}"]`).getAttribute("data-value");
  const kpis = async () =>
    (await (
      await app.request(`/api/v1/bi/kpis?from=${await page.inputValue("#from")}&to=${await page.inputValue("#to")}`, {
        headers: { authorization: `Bearer ${owner.tokens.accessToken}` },
      })
    ).json()) as Record<string, unknown>;

  it("signs in, shows the API's KPIs, and follows a new invoice without a reload", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${base}/dashboard`);
    await page.fill('input[name="email"]', owner.email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('#sign-in button[type="submit"]');
    await expect.poll(() => tile("revenueNet"), { timeout: 15_000 }).toBe("6600");

    const api = await kpis();
    for (const key of [
      "revenueNet",
      "taxTotal",
      "revenueGross",
      "invoiceCount",
      "unitsSold",
      "costOfGoodsSold",
      "grossMargin",
      "grossMarginPct",
    ]) {
      expect(await tile(key), key).toBe(String(api[key]));
    }
    expect(await page.locator("#ranking tbody tr").count()).toBe(2);
    expect(await page.locator("#chart canvas").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("dashboard.png"), fullPage: true });

    // Mark the document: a reload would lose this property (and the page runs no eval under its CSP).
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    const bus = app.app.container.resolve(PlatformTokens.EventBus);
    await publishAs(
      bus,
      inOrganization(
        owner.organizationId,
        invoiceIssued(today(), [{ productId: BREAD, quantity: "4", unitPrice: 250, net: 1000, tax: 230 }]),
      ),
    );
    await expect.poll(() => tile("revenueNet"), { timeout: 15_000 }).toBe("7600");
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await tile("invoiceCount")).toBe("2");
    expect(errors, errors.join("\n")).toEqual([]);
  });
});
