import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpServer } from "@/shared/infrastructure/http/http-server.port";
import { NodeHttpServer } from "@/shared/infrastructure/http/node-http.server";
import { createTestApp } from "./support/http-test-app";

/** Debian's chromium (apt-get install chromium; .ci/run installs it). */
const CHROMIUM = "/usr/bin/chromium";

/**
 * `/docs` opened in a headless browser that may reach nothing but the server: the page must render
 * the API from our own assets, under its CSP, without a single request elsewhere.
 */
describe("/docs in headless Chromium", () => {
  let server: HttpServer;
  let origin: string;
  beforeAll(async () => {
    const { app } = createTestApp();
    server = new NodeHttpServer(app.fetch, { host: "127.0.0.1", port: 0, shutdownTimeoutMs: 1000 });
    origin = `http://127.0.0.1:${(await server.listen()).port}`;
  });
  afterAll(() => server.close());

  it("renders the operations from local assets only, with no CSP violation", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const foreign: string[] = [];
      const violations: string[] = [];
      // As on a machine without internet: anything not from the server fails.
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(origin)) return route.continue();
        foreign.push(url);
        return route.abort();
      });
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const response = await page.goto(`${origin}/docs`);
      expect(response?.headers()["content-security-policy"]).toMatch(/^default-src 'self';/);
      await page.locator(".opblock").first().waitFor({ timeout: 20_000 });
      expect(await page.locator(".info .title").textContent()).toContain("Nexus API");
      expect(await page.locator(".opblock").count()).toBeGreaterThan(1);
      expect(foreign).toEqual([]);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
