import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { beforeEach, describe, expect, it } from "vitest";
import { BEARER_AUTH } from "@/contexts/auth/contracts/auth-guard";
import { HonoAuthGuard } from "@/contexts/auth/infrastructure/guard/auth-guard.middleware";
import { JoseAccessTokenIssuer } from "@/contexts/auth/infrastructure/security/jose.access-token.issuer";
import { JoseAccessTokenVerifier } from "@/contexts/auth/infrastructure/security/jose.access-token.verifier";
import { RevocationSet } from "@/contexts/auth/infrastructure/security/revocation-set";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { type RequestContext, runWithRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { claims, jwks, privateJwk, TOKEN_OPTIONS } from "./key-fixtures";

async function harness() {
  const keys = await SigningKeySet.fromJwks(jwks(await privateJwk("k1")));
  // Tokens are dated by this clock (jti, to the ms). Ahead of the real one, so no id generated
  // elsewhere has already pushed the monotonic UUIDv7 generator past it.
  const clock = { ms: Date.now() + 3_600_000 + 123 };
  const issuer = new JoseAccessTokenIssuer(keys, { ...TOKEN_OPTIONS, ttlSeconds: 900, now: () => clock.ms });
  // The revocation feed's in-memory check (what the guard asks while the feed is live).
  const revocations = new RevocationSet();
  const verifier = new JoseAccessTokenVerifier(keys, {
    ...TOKEN_OPTIONS,
    maxLifetimeSeconds: 900,
    now: () => clock.ms,
  });
  const guard = new HonoAuthGuard(verifier, { isRevoked: (subject) => revocations.revokes(subject) });
  const contexts: RequestContext[] = [];

  // Typed like the real app, with a route declared the way other contexts will declare theirs.
  const app = new OpenAPIHono<AppEnv>();
  app.use(async (c, next) => {
    const ctx: RequestContext = {
      requestId: "r",
      traceId: "t",
      spanId: "s",
      ip: null,
      userAgent: null,
      method: c.req.method,
      path: c.req.path,
    };
    contexts.push(ctx);
    await runWithRequestContext(ctx, next);
  });
  app.get("/me", guard.authenticate(), (c) => c.json(guard.caller(c)));
  app.openapi(
    createRoute({
      method: "post",
      path: "/orders",
      security: BEARER_AUTH,
      middleware: [guard.requirePermission("production:write")] as const,
      responses: {
        200: {
          description: "ok",
          content: { "application/json": { schema: z.object({ organizationId: z.string() }) } },
        },
      },
    }),
    (c) => c.json({ organizationId: guard.organizationCaller(c).organizationId }, 200),
  );
  const bearer = async (input = claims()) => ({ authorization: `Bearer ${(await issuer.issue(input)).token}` });
  return { app, guard, revocations, contexts, bearer, clock };
}

describe("HonoAuthGuard", () => {
  let h: Awaited<ReturnType<typeof harness>>;
  beforeEach(async () => {
    h = await harness();
  });

  it("lets a valid token through and exposes the caller, also on the request context", async () => {
    const input = claims({ role: "analyst" });
    const res = await h.app.request("/me", { headers: await h.bearer(input) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: input.userId,
      sessionId: input.sessionId,
      organizationId: input.organizationId,
      role: "analyst",
    });
    expect(h.contexts[0]?.actor).toEqual({
      userId: input.userId,
      sessionId: input.sessionId,
      organizationId: input.organizationId,
      role: "analyst",
    });
  });

  it("refuses a revoked session's token at once", async () => {
    const input = claims();
    const headers = await h.bearer(input);
    expect((await h.app.request("/me", { headers })).status).toBe(200);
    h.revocations.add([{ kind: "session", sessionId: input.sessionId, expiresAtMs: h.clock.ms + 960_000 }]);
    const res = await h.app.request("/me", { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("refuses a member's tokens for an organization carrying a role stronger than the one kept, on any session", async () => {
    const input = claims({ role: "admin" });
    const before = await h.bearer(input);
    const otherSession = await h.bearer({ ...input, sessionId: claims().sessionId });
    const otherOrganization = await h.bearer({ ...input, organizationId: claims().organizationId });
    const noOrganization = await h.bearer({ ...input, organizationId: null, role: null });
    const organizationId = input.organizationId ?? "";
    const change = {
      kind: "membership",
      organizationId,
      userId: input.userId,
      expiresAtMs: h.clock.ms + 960_000,
    } as const;
    h.revocations.add([{ ...change, role: "operator", sequence: 1 }]);
    const refreshed = await h.bearer({ ...input, role: "operator" }); // refreshed with the new role

    for (const headers of [before, otherSession]) expect((await h.app.request("/me", { headers })).status).toBe(401);
    for (const headers of [otherOrganization, noOrganization, refreshed]) {
      expect((await h.app.request("/me", { headers })).status).toBe(200);
    }

    h.revocations.add([{ ...change, role: null, sequence: 2 }]); // then removed
    expect((await h.app.request("/me", { headers: refreshed })).status).toBe(401);
    expect((await h.app.request("/me", { headers: otherOrganization })).status).toBe(200);
  });

  it.each([
    ["no Authorization header", {}],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
    ["an empty bearer", { authorization: "Bearer " }],
    ["a garbage token", { authorization: "Bearer not.a.token" }],
  ])("answers %s with a 401 unauthenticated problem and a Bearer challenge", async (_, headers) => {
    const res = await h.app.request("/me", { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="nexus"/);
    expect(await res.json()).toMatchObject({
      status: 401,
      code: "unauthenticated",
      type: "/problems/unauthenticated",
      instance: "/me",
    });
  });

  it("lets a role holding the permission through", async () => {
    const input = claims({ role: "operator" });
    const res = await h.app.request("/orders", { method: "POST", headers: await h.bearer(input) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ organizationId: input.organizationId });
  });

  it("answers an insufficient role with 403 forbidden", async () => {
    const res = await h.app.request("/orders", {
      method: "POST",
      headers: await h.bearer(claims({ role: "analyst" })),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden", status: 403 });
  });

  it("answers a token without organization with 403 organization-required", async () => {
    const headers = await h.bearer(claims({ organizationId: null, role: null }));
    expect((await h.app.request("/me", { headers })).status).toBe(200);
    const res = await h.app.request("/orders", { method: "POST", headers });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "organization-required" });
  });

  it("authenticates by itself when requirePermission is the only guard on a route", async () => {
    const res = await h.app.request("/orders", { method: "POST" });
    expect(res.status).toBe(401);
  });

  it("throws when a handler asks for the caller on an unguarded route (a bug, not a 401)", async () => {
    const app = new OpenAPIHono<AppEnv>();
    let thrown: unknown;
    app.get("/open", (c) => {
      try {
        h.guard.caller(c);
      } catch (error) {
        thrown = error;
      }
      return c.text("x");
    });
    await app.request("/open");
    expect(thrown).toBeInstanceOf(Error);
  });
});
