import { randomUUID } from "node:crypto";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DAYS, DEMO_OWNER } from "@/app/seed-demo/demo-business";
import { SERIES_METRICS } from "@/contexts/bi/application/use-cases/get-time-series.use-case";
import { runCli } from "../support/run-cli";
import { screenshotPath, updatingScreenshots } from "../support/screenshots";
import { type SpawnedServer, spawnServer, waitUntil } from "../support/spawn-server";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";

/** The README's picture shows the default three months; the test itself needs only two weeks. */
const SEED_DAYS = updatingScreenshots() ? "90" : "14";

/** Every KPI is a tile (data-kpi) — the same names the time series answers. */
const TILES = SERIES_METRICS;

/**
 * The quick start in a browser: `seed-demo` (the real CLI), `npm start` (the real server), then the
 * dashboard in headless Chromium (Debian's `chromium`, driven by playwright-core) signed in as the
 * demo owner. Tiles equal the API's KPIs and the tax liability report; an invoice issued through the
 * API shows up without a reload.
 */
describe("BI dashboard in a browser, on the demo data", () => {
  let database: ProvisionedDatabase;
  let server: SpawnedServer;
  let browser: Browser;
  let page: Page;
  let accessToken: string;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const seeded = await runCli(["seed-demo", "--days", SEED_DAYS], { ...database.env });
    if (seeded.code !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
    server = await spawnServer({ ...database.env, MIGRATE_ON_START: "false" });
    await waitUntil(async () => (await fetch(`${server.url}/health/ready`)).ok, 30_000, "readiness");
    const login = await api("/auth/login", { email: DEMO_OWNER.email, password: DEMO_OWNER.password });
    accessToken = ((await login.json()) as { accessToken: string }).accessToken;
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  function api(path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${server.url}/api/v1${path}`, {
      method: json === undefined ? "GET" : "POST",
      headers: {
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...(json === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  }
  const getJson = async <T = Record<string, unknown>>(path: string): Promise<T> => {
    const response = await api(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const tile = (kpi: string) => page.locator(`[data-kpi="${kpi}"]`).getAttribute("data-value");
  const period = async () => `from=${await page.inputValue("#from")}&to=${await page.inputValue("#to")}`;

  it("signs in as the demo owner and shows what GET /bi/kpis and the liability report say", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${server.url}/dashboard`);
    await page.fill('input[name="email"]', DEMO_OWNER.email);
    await page.fill('input[name="password"]', DEMO_OWNER.password);
    await page.click('#sign-in button[type="submit"]');
    await expect.poll(() => tile("revenueNet"), { timeout: 15_000 }).toMatch(/^[1-9]\d*$/);

    // The default period holds all of seed-demo's default history (DEMO_DAYS, ending yesterday) and today.
    const today = new Date();
    const firstDemoDay = new Date(today.getTime() - DEMO_DAYS * 86_400_000).toISOString().slice(0, 10);
    expect(await page.inputValue("#from")).toBe(firstDemoDay);
    expect(await page.inputValue("#to")).toBe(today.toISOString().slice(0, 10));
    const kpis = await getJson(`/bi/kpis?${await period()}`);
    for (const key of TILES) expect(await tile(key), key).toBe(kpis[key] === null ? "" : String(kpis[key]));
    const liability = await getJson<{ totals: { taxableBase: number; tax: number } }>(
      `/tax/reports/liability?${await period()}`,
    );
    expect([await tile("revenueNet"), await tile("taxTotal")]).toEqual([
      String(liability.totals.taxableBase),
      String(liability.totals.tax),
    ]);
    expect(await page.locator("#ranking tbody tr").count()).toBe(5);
    expect(await page.locator("#chart canvas").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("dashboard.png"), fullPage: true });
    expect(errors, errors.join("\n")).toEqual([]);
  });

  it("follows an invoice issued through POST /tax/invoices without a reload", async () => {
    const before = { revenueNet: Number(await tile("revenueNet")), invoiceCount: Number(await tile("invoiceCount")) };
    // Mark the document: a reload would lose this property (and the page runs no eval under its CSP).
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    const products = await getJson<{ items: { id: string; sku: string }[] }>("/production/products");
    const loaf = products.items.find((p) => p.sku === "BRD-SOUR");
    const issued = await api(
      "/tax/invoices",
      { customer: { name: "Walk-in customer" }, lines: [{ productId: loaf?.id, quantity: "5", unitPrice: 480 }] },
      { "idempotency-key": randomUUID() },
    );
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { totals } = (await issued.json()) as { totals: { net: number } };
    expect(totals.net).toBe(2400);

    await expect.poll(() => tile("revenueNet"), { timeout: 15_000 }).toBe(String(before.revenueNet + 2400));
    expect(await tile("invoiceCount")).toBe(String(before.invoiceCount + 1));
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const kpis = await getJson(`/bi/kpis?${await period()}`);
    expect(await tile("revenueNet")).toBe(String(kpis.revenueNet));
  });
});
