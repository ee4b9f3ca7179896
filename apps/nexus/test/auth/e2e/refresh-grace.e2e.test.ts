import { describe, expect, it } from "vitest";
import { useAuthE2e } from "./support/use-auth-e2e";

/** With the default configuration (REFRESH_REUSE_GRACE_SECONDS unset). */
describe("auth: the default refresh grace window", () => {
  const auth = useAuthE2e();

  const refresh = (refreshToken: string) => auth.client.request("/api/v1/auth/refresh", { json: { refreshToken } });

  it("lets two tabs refresh the same token at once without signing the user out", async () => {
    const { tokens } = await auth.client.signUp("two-tabs");
    const [first, second] = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    for (const response of [first, second]) {
      const pair = (await response.json()) as { accessToken: string };
      expect((await auth.client.request("/api/v1/auth/me", { token: pair.accessToken })).status).toBe(200);
    }
  });
});
