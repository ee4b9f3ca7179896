import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it("replaces values under secret-looking keys, whatever their case or depth", () => {
    expect(
      redactSecrets({
        newPassword: "p",
        refresh_token: { nested: "t" },
        list: [{ SECRET: "s" }, { set_cookie: "c" }],
        headers: { authorization: "Bearer x", "x-api-key": "k" },
      }),
    ).toEqual({
      newPassword: REDACTED,
      refresh_token: REDACTED,
      list: [{ SECRET: REDACTED }, { set_cookie: REDACTED }],
      headers: { authorization: REDACTED, "x-api-key": REDACTED },
    });
  });

  it("leaves ordinary fields alone", () => {
    const metadata = { email: "ada@example.com", count: 3, tags: ["a", "b"], role: null };
    expect(redactSecrets(metadata)).toEqual(metadata);
  });
});

describe("redactSecrets (config and copying)", () => {
  it("redacts connection URLs and key sets by their setting names", () => {
    expect(redactSecrets({ DATABASE_URL: "postgres://u:pw@h/db", JWT_PRIVATE_KEYS: "{}", PORT: 1 })).toEqual({
      DATABASE_URL: REDACTED,
      JWT_PRIVATE_KEYS: REDACTED,
      PORT: 1,
    });
  });

  it("returns the very same object when there is nothing to redact, and never mutates the input", () => {
    const clean = { a: { b: [1, 2, { c: "d" }] } };
    expect(redactSecrets(clean)).toBe(clean);
    const dirty = { a: { token: "t" } };
    redactSecrets(dirty);
    expect(dirty.a.token).toBe("t");
  });
});
