import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config";

describe("loadConfig", () => {
  it("runs on an empty environment with the embedded defaults", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe("./.data");
    expect(config.BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("127.0.0.1"); // not every interface unless HOST says so
  });

  it("parses typed values and lists", () => {
    const config = loadConfig({
      PORT: "8080",
      CORS_ORIGINS: "https://a.example, https://b.example",
      RELAY_ENABLED: "0",
    });
    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(config.RELAY_ENABLED).toBe(false);
  });

  it("treats an empty URL as not configured", () => {
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("treats a blank number or flag as not set, not as 0", () => {
    const config = loadConfig({ PORT: "", SHUTDOWN_TIMEOUT_MS: " ", DATABASE_POOL_MAX: "", RELAY_ENABLED: "" });
    expect(config.PORT).toBe(3000);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(config.DATABASE_POOL_MAX).toBe(10);
    expect(config.RELAY_ENABLED).toBe(true);
  });

  it("keeps the access-token lifetime within 600–900 s", () => {
    expect(loadConfig({}).ACCESS_TOKEN_TTL_SECONDS).toBe(900);
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: "600" }).ACCESS_TOKEN_TTL_SECONDS).toBe(600);
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: "900" }).ACCESS_TOKEN_TTL_SECONDS).toBe(900);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: "599" })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: "901" })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });

  it("names the variable of an invalid value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: "http://localhost" })).toThrow(/REDIS_URL: must start with redis:\/\//);
  });

  it("never echoes a secret-bearing value in the message", () => {
    try {
      loadConfig({ DATABASE_URL: "mysql://admin:hunter2@db" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toContain("DATABASE_URL");
      expect(String(error)).not.toContain("hunter2");
    }
  });

  it("requires signing keys in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      /JWT_PRIVATE_KEYS: is required when NODE_ENV=production/,
    );
  });

  it("requires the mail-seal and audit-chain keys in production (files under DATA_DIR would differ per instance)", () => {
    expect(() => loadConfig({ NODE_ENV: "production", JWT_PRIVATE_KEYS: "{}" })).toThrow(
      /MAIL_SEAL_KEY: is required when NODE_ENV=production[\s\S]*AUDIT_CHAIN_KEY: is required/,
    );
  });

  it("refuses a production database without Redis: shared state would live in one process", () => {
    const production = {
      NODE_ENV: "production",
      JWT_PRIVATE_KEYS: '{"keys":[]}',
      MAIL_SEAL_KEY: "k".repeat(43),
      AUDIT_CHAIN_KEY: "k".repeat(43),
    };
    expect(() => loadConfig({ ...production, DATABASE_URL: "postgres://db/nexus" })).toThrow(/REDIS_URL: is required/);
    expect(
      loadConfig({ ...production, DATABASE_URL: "postgres://db/nexus", REDIS_URL: "redis://cache" }).REDIS_URL,
    ).toBe("redis://cache");
  });
});
