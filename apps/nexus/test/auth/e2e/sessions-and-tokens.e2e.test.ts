import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readJson } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("auth: sessions and tokens through HTTP", () => {
  // No grace window: a replay is reuse at once (the default window: refresh-grace.e2e.test.ts).
  const auth = useAuthE2e({ REFRESH_REUSE_GRACE_SECONDS: "0" });

  const me = (token: string) => auth.client.request("/api/v1/auth/me", { token });
  const refresh = (refreshToken: string) => auth.client.request("/api/v1/auth/refresh", { json: { refreshToken } });

  it("rotates the refresh token; replaying a rotated one ends the session and its fresh tokens at once", async () => {
    const { tokens } = await auth.client.signUp("rotor");
    const first = await refresh(tokens.refreshToken);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const rotated = (await first.json()) as { accessToken: string; refreshToken: string; tokenType: string };
    expect(rotated.tokenType).toBe("Bearer");
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    expect((await me(rotated.accessToken)).status).toBe(200);

    const replay = await refresh(tokens.refreshToken);
    expect(replay.status).toBe(401);
    expect((await readJson(replay)).code).toBe("reuse-detected");

    // No waiting for expiry: the newest access token and refresh token are dead right away.
    const afterReplay = await me(rotated.accessToken);
    expect(afterReplay.status).toBe(401);
    expect(afterReplay.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const newest = await refresh(rotated.refreshToken);
    expect(newest.status).toBe(401);
  });

  it("answers 401 session-ended for an unknown refresh token", async () => {
    const response = await refresh("x".repeat(43));
    expect(response.status).toBe(401);
    expect((await readJson(response)).code).toBe("session-ended");
  });

  it("lists sessions, revokes one by id, logs out the current one and then all", async () => {
    const { email, tokens: laptop } = await auth.client.signUp("devices");
    const phone = await auth.client.login(email);
    const tablet = await auth.client.login(email);

    const listed = await auth.client.request("/api/v1/auth/sessions", { token: laptop.accessToken });
    expect(listed.status).toBe(200);
    const { items, nextCursor } = (await listed.json()) as {
      items: { id: string; current: boolean; ip: string | null; userAgent: string | null; createdAt: string }[];
      nextCursor: null;
    };
    expect(items).toHaveLength(3);
    expect(nextCursor).toBeNull();
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items[0]).toMatchObject({ ip: auth.client.ip, userAgent: "nexus-e2e" });

    const phoneSessionId = (await readJson<{ sessionId: string }>(await me(phone.accessToken))).sessionId;
    const revoke = await auth.client.request(`/api/v1/auth/sessions/${phoneSessionId}`, {
      method: "DELETE",
      token: laptop.accessToken,
    });
    expect(revoke.status).toBe(204);
    expect((await me(phone.accessToken)).status).toBe(401);
    expect((await refresh(phone.refreshToken)).status).toBe(401);
    const again = await auth.client.request(`/api/v1/auth/sessions/${phoneSessionId}`, {
      method: "DELETE",
      token: laptop.accessToken,
    });
    expect(again.status).toBe(404);
    const garbage = await auth.client.request("/api/v1/auth/sessions/not-a-uuid", {
      method: "DELETE",
      token: laptop.accessToken,
    });
    expect(garbage.status).toBe(404);

    const logout = await auth.client.request("/api/v1/auth/logout", { method: "POST", token: tablet.accessToken });
    expect(logout.status).toBe(204);
    expect((await me(tablet.accessToken)).status).toBe(401);
    expect((await me(laptop.accessToken)).status).toBe(200);

    const second = await auth.client.login(email);
    const all = await auth.client.request("/api/v1/auth/logout-all", { method: "POST", token: laptop.accessToken });
    expect(all.status).toBe(204);
    expect((await me(laptop.accessToken)).status).toBe(401);
    expect((await me(second.accessToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
  });

  it("does not let one user revoke another user's session (404)", async () => {
    const { tokens: mine } = await auth.client.signUp("mine");
    const { tokens: theirs } = await auth.client.signUp("theirs");
    const theirSessionId = (await readJson<{ sessionId: string }>(await me(theirs.accessToken))).sessionId;
    const attempt = await auth.client.request(`/api/v1/auth/sessions/${theirSessionId}`, {
      method: "DELETE",
      token: mine.accessToken,
    });
    expect(attempt.status).toBe(404);
    expect((await me(theirs.accessToken)).status).toBe(200);
  });

  it("switches organization on the same session; the old refresh token then counts as rotated", async () => {
    const owner = await auth.client.owner("switcher");
    const second = await auth.client.createOrganization(owner.tokens.accessToken, "Second Kitchen");
    const switched = await auth.client.switchOrganization(owner.tokens.accessToken, second.id);
    expect(switched.role).toBe("owner");
    const body = await readJson<{ currentOrganizationId: string; organizations: unknown[] }>(
      await me(switched.accessToken),
    );
    expect(body.currentOrganizationId).toBe(second.id);
    expect(body.organizations).toHaveLength(2);

    const stranger = await auth.client.owner("stranger");
    const foreign = await auth.client.request("/api/v1/auth/switch-organization", {
      token: switched.accessToken,
      json: { organizationId: stranger.organizationId },
    });
    expect(foreign.status).toBe(404);

    const stale = await refresh(owner.tokens.refreshToken);
    expect(stale.status).toBe(401);
    expect((await readJson(stale)).code).toBe("reuse-detected");
  });

  it("refuses requests without a token, with a malformed one and with an `alg: none` token", async () => {
    const { tokens } = await auth.client.signUp("forger");
    const none = await me("");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="nexus"');

    const [, payload] = tokens.accessToken.split(".");
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${payload}.`;
    const algNone = await me(unsigned);
    expect(algNone.status).toBe(401);
    expect((await readJson(algNone)).code).toBe("unauthenticated");

    const hs256 = `${b64url({ alg: "HS256", typ: "JWT" })}.${payload}`;
    const signature = createHmac("sha256", "guess").update(hs256).digest("base64url");
    expect((await me(`${hs256}.${signature}`)).status).toBe(401);
    expect((await me(`${tokens.accessToken.slice(0, -4)}AAAA`)).status).toBe(401);
    expect((await me(tokens.accessToken)).status).toBe(200);
  });

  it("publishes the verification keys at /.well-known/jwks.json", async () => {
    const response = await auth.client.request("/.well-known/jwks.json");
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: { kid: string; d?: string }[] };
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.kid && k.d === undefined)).toBe(true);
  });
});
