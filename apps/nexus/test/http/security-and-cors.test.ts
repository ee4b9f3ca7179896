import { describe, expect, it } from "vitest";
import { createTestApp } from "./support/http-test-app";

describe("security headers and CORS", () => {
  it("hardens API responses, success and problem alike", async () => {
    const { app } = createTestApp();
    for (const path of ["/health/live", "/api/v1/nowhere"]) {
      const res = await app.request(path);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }
  });

  it("keeps HTML pages loadable but unframeable, and lets problem pages be cached", async () => {
    const { app } = createTestApp();
    const res = await app.request("/problems/not-found");
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("allows origins on the CORS_ORIGINS list and no others", async () => {
    const { app } = createTestApp({ env: { CORS_ORIGINS: "https://app.example.com, https://admin.example.com" } });
    const allowed = await app.request("/health/live", { headers: { origin: "https://app.example.com" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(allowed.headers.get("vary")).toContain("Origin");

    const denied = await app.request("/health/live", { headers: { origin: "https://evil.example.com" } });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await app.request("/api/v1/items", {
      method: "OPTIONS",
      headers: {
        origin: "https://admin.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://admin.example.com");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");

    const deniedPreflight = await app.request("/api/v1/items", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "POST" },
    });
    expect(deniedPreflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends no CORS headers at all when no origin is configured", async () => {
    const { app } = createTestApp({ env: { CORS_ORIGINS: "" } });
    const res = await app.request("/health/live", { headers: { origin: "https://app.example.com" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
