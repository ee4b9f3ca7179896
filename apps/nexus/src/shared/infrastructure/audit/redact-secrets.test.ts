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
