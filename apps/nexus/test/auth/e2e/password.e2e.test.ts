import { describe, expect, it } from "vitest";
import { PASSWORD, problemWithoutTrace, readJson, uniqueEmail } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

const NEW_PASSWORD = "Rye-and-caraway-loaf-77";

describe("auth: password change, forgot and reset through HTTP", () => {
  const auth = useAuthE2e();

  const me = (token: string) => auth.client.request("/api/v1/auth/me", { token });

  it("changes the password: this session stays, every other one ends, the new password signs in", async () => {
    const { email, tokens: here } = await auth.client.signUp("changer");
    const elsewhere = await auth.client.login(email);

    const wrong = await auth.client.request("/api/v1/auth/password/change", {
      token: here.accessToken,
      json: { currentPassword: "not-my-password-at-all", newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect((await readJson(wrong)).code).toBe("invalid-credentials");

    const weak = await auth.client.request("/api/v1/auth/password/change", {
      token: here.accessToken,
      json: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expect(weak.status).toBe(422);
    expect((await readJson(weak)).code).toBe("weak-password");
    // Long enough, not on the common list, and no strength at all.
    for (const newPassword of [" ".repeat(12), email]) {
      const guessable = await auth.client.request("/api/v1/auth/password/change", {
        token: here.accessToken,
        json: { currentPassword: PASSWORD, newPassword },
      });
      expect(guessable.status, newPassword).toBe(422);
      expect((await readJson(guessable)).code).toBe("weak-password");
    }

    const changed = await auth.client.request("/api/v1/auth/password/change", {
      token: here.accessToken,
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    expect((await me(here.accessToken)).status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(401);
    const old = await auth.client.request("/api/v1/auth/login", { json: { email, password: PASSWORD } });
    expect(old.status).toBe(401);
    await auth.client.login(email, { password: NEW_PASSWORD });
  });

  it("resets a forgotten password by mail: every session ends and the token works once", async () => {
    const { email, tokens } = await auth.client.signUp("forgetful");
    const forgot = await auth.client.request("/api/v1/auth/password/forgot", { json: { email } });
    expect(forgot.status).toBe(202);
    const token = await auth.client.mailedToken(email, /reset/i);

    const reset = await auth.client.request("/api/v1/auth/password/reset", {
      json: { token, newPassword: NEW_PASSWORD },
    });
    expect(reset.status).toBe(204);
    expect((await me(tokens.accessToken)).status).toBe(401);
    await auth.client.login(email, { password: NEW_PASSWORD });

    const reuse = await auth.client.request("/api/v1/auth/password/reset", {
      json: { token, newPassword: "Yet-another-pass-phrase" },
    });
    expect(reuse.status).toBe(422);
    expect((await readJson(reuse)).code).toBe("invalid-token");
  });

  it("a reset spends every other reset link: the second answers as a used token", async () => {
    const { email } = await auth.client.signUp("twice-forgetful");
    const forgot = async (excluding: string[] = []) => {
      const response = await auth.client.request("/api/v1/auth/password/forgot", { json: { email } });
      expect(response.status).toBe(202);
      return auth.client.mailedToken(email, /reset/i, excluding);
    };
    const first = await forgot();
    const second = await forgot([first]);
    expect(second).not.toBe(first);
    const reset = (token: string, newPassword: string) =>
      auth.client.request("/api/v1/auth/password/reset", { json: { token, newPassword } });

    expect((await reset(first, NEW_PASSWORD)).status).toBe(204);
    const used = await reset(first, "Yet-another-pass-phrase");
    const other = await reset(second, "Yet-another-pass-phrase");
    expect(other.status).toBe(422);
    expect(await problemWithoutTrace(other)).toBe(await problemWithoutTrace(used));
    await auth.client.login(email, { password: NEW_PASSWORD });
  });

  it("answers forgot and resend with the same 202 body for unknown and known emails", async () => {
    const { email } = await auth.client.signUp("known");
    for (const path of ["/api/v1/auth/password/forgot", "/api/v1/auth/email/resend"]) {
      const known = await auth.client.request(path, { json: { email } });
      const unknown = await auth.client.request(path, { json: { email: uniqueEmail("ghost") } });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(await unknown.text()).toBe(await known.text());
    }
  });

  it("rejects an unknown verification token as 422 invalid-token", async () => {
    const response = await auth.client.request("/api/v1/auth/email/verify", { json: { token: "nope".repeat(11) } });
    expect(response.status).toBe(422);
    expect(await problemWithoutTrace(response)).toContain('"code":"invalid-token"');
  });
});
