import { describe, expect, it } from "vitest";
import { AUTH_RATE_LIMITS } from "@/contexts/auth/infrastructure/http/auth-rate-limits";
import { type AuthClient, PASSWORD, problemWithoutTrace, readJson, uniqueEmail } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

describe("auth: brute-force defences through HTTP", () => {
  const { newClient } = useAuthE2e();

  const login = (client: AuthClient, email: string, password: string) =>
    client.request("/api/v1/auth/login", { json: { email, password } });

  it("answers unknown email, wrong password and locked account with byte-identical 401 bodies", async () => {
    const client = newClient();
    const { email } = await client.signUp("target");

    const unknown = await login(client, uniqueEmail("nobody"), PASSWORD);
    const wrong = await login(client, email, "wrong-password-number-1");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const unknownBody = await problemWithoutTrace(unknown);
    expect(await problemWithoutTrace(wrong)).toBe(unknownBody);
    expect(JSON.parse(unknownBody)).toMatchObject({
      code: "invalid-credentials",
      type: "/problems/invalid-credentials",
    });

    // Four more failures make five in a row: the account locks, and even the right password is refused.
    for (let attempt = 2; attempt <= 5; attempt++) {
      expect((await login(client, email, `wrong-password-number-${attempt}`)).status).toBe(401);
    }
    const locked = await login(client, email, PASSWORD);
    expect(locked.status).toBe(401);
    expect(await problemWithoutTrace(locked)).toBe(unknownBody);
    expect([...locked.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
  });

  it("limits anonymous auth requests per client IP: 429 with Retry-After and RateLimit headers", async () => {
    const client = newClient("203.0.113.99");
    const other = newClient("203.0.113.100");
    const refresh = (c: AuthClient) => c.request("/api/v1/auth/refresh", { json: { refreshToken: "n".repeat(43) } });

    const statuses: number[] = [];
    let limited: Response | undefined;
    while (!limited && statuses.length < AUTH_RATE_LIMITS.perIp.limit * 2) {
      const response = await refresh(client);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, AUTH_RATE_LIMITS.perIp.limit).every((s) => s === 401)).toBe(true);
    if (!limited) throw new Error(`never rate limited: ${statuses.join(",")}`);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("ratelimit")).toContain('"auth-ip"');
    expect((await readJson(limited)).code).toBe("rate-limited");

    // Another address is not affected, and neither are signed-in routes.
    expect((await refresh(other)).status).toBe(401);
  });

  it("limits requests naming one account, whichever address they come from", async () => {
    const email = uniqueEmail("mailbombed");
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_RATE_LIMITS.perAccount.limit; i++) {
      const response = await newClient(`192.0.2.${i + 1}`).request("/api/v1/auth/password/forgot", { json: { email } });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
        expect((await readJson(response)).code).toBe("rate-limited");
      }
    }
    expect(statuses.slice(0, AUTH_RATE_LIMITS.perAccount.limit).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Case and surrounding spaces do not make a new account.
    const variant = await newClient("192.0.2.200").request("/api/v1/auth/password/forgot", {
      json: { email: `  ${email.toUpperCase()} ` },
    });
    expect(variant.status).toBe(429);
    const someoneElse = await newClient("192.0.2.201").request("/api/v1/auth/password/forgot", {
      json: { email: uniqueEmail("fine") },
    });
    expect(someoneElse.status).toBe(202);
  });
});
