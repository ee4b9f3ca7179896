import { beforeAll, describe, expect, it } from "vitest";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { listAuditEntries } from "@/shared/infrastructure/audit/audit-query";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { type AuthClient, joinByInvitation, PASSWORD, readJson } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

interface AuditEntryBody {
  id: string;
  action: string;
  outcome: string;
  actorId: string | null;
  ip: string | null;
  traceId: string | null;
  metadata: Record<string, unknown>;
}

describe("audit API and auth events through HTTP", () => {
  const auth = useAuthE2e();
  let client: AuthClient;
  let owner: Awaited<ReturnType<AuthClient["owner"]>>;
  const roles: Record<string, { accessToken: string; refreshToken: string }> = {};

  beforeAll(async () => {
    client = auth.newClient();
    owner = await client.owner("auditor");
    for (const role of ["admin", "operator", "analyst"]) {
      const member = await client.signUp(role);
      roles[role] = await joinByInvitation(
        { client, token: owner.tokens.accessToken, organizationId: owner.organizationId },
        { client, email: member.email, token: member.tokens.accessToken },
        role,
      );
    }
  });

  const audit = (token: string, query = "") => client.request(`/api/v1/audit${query}`, { token });

  it("lists the organization's entries, newest first, to owners and admins", async () => {
    for (const token of [owner.tokens.accessToken, roles.admin?.accessToken ?? ""]) {
      const response = await audit(token);
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: AuditEntryBody[]; nextCursor: string | null };
      const actions = items.map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(["auth.organization.created", "auth.member.invited", "auth.invitation.accepted"]),
      );
      expect(actions.at(-1)).toBe("auth.organization.created");
      const created = items.find((e) => e.action === "auth.organization.created");
      expect(created).toMatchObject({ outcome: "success", actorId: owner.userId, ip: client.ip });
      expect(created?.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("refuses operators and analysts (403) and callers without an organization", async () => {
    for (const role of ["operator", "analyst"]) {
      const response = await audit(roles[role]?.accessToken ?? "");
      expect(response.status, role).toBe(403);
      expect((await readJson(response)).code).toBe("forbidden");
      expect((await audit(roles[role]?.accessToken ?? "", "/verify")).status).toBe(403);
    }
    const loner = await client.signUp("loner");
    const response = await audit(loner.tokens.accessToken);
    expect(response.status).toBe(403);
    expect((await readJson(response)).code).toBe("organization-required");
    expect((await audit("")).status).toBe(401);
  });

  it("filters by action and actor and pages with a cursor", async () => {
    const added = await audit(owner.tokens.accessToken, "?action=auth.member.invited");
    const { items } = (await added.json()) as { items: AuditEntryBody[] };
    expect(items).toHaveLength(3);
    expect(items.every((e) => e.action === "auth.member.invited")).toBe(true);

    const byActor = (await (await audit(owner.tokens.accessToken, `?actorId=${owner.userId}`)).json()) as {
      items: AuditEntryBody[];
    };
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorId === owner.userId)).toBe(true);

    const first = (await (await audit(owner.tokens.accessToken, "?limit=2")).json()) as {
      items: AuditEntryBody[];
      nextCursor: string | null;
    };
    expect(first.items).toHaveLength(2);
    const second = (await (
      await audit(owner.tokens.accessToken, `?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`)
    ).json()) as { items: AuditEntryBody[] };
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect(second.items.map((e) => e.id)).not.toContain(first.items[1]?.id);

    const future = await audit(owner.tokens.accessToken, "?from=2999-01-01T00:00:00Z");
    expect((await readJson(future)).items).toEqual([]);
    expect((await audit(owner.tokens.accessToken, "?cursor=garbage")).status).toBe(422);
    expect((await audit(owner.tokens.accessToken, "?from=yesterday")).status).toBe(422);
  });

  it("verifies the organization's hash chain", async () => {
    const response = await audit(owner.tokens.accessToken, "/verify");
    expect(response.status).toBe(200);
    const body = await readJson<{ checked: number }>(response);
    expect(body).toEqual({ valid: true, checked: expect.any(Number), firstBrokenId: null, reason: null });
    expect(body.checked).toBeGreaterThanOrEqual(5);
  });

  it("serves the chain head to owners and admins, and verifies against it as an anchor", async () => {
    const response = await audit(owner.tokens.accessToken, "/head");
    expect(response.status).toBe(200);
    const head = await readJson<{ organizationId: string; chainSeq: number; hash: string }>(response);
    expect(head.organizationId).toBe(owner.organizationId);
    expect(head.chainSeq).toBeGreaterThanOrEqual(1);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    const anchored = await audit(
      owner.tokens.accessToken,
      `/verify?anchorSeq=${head.chainSeq}&anchorHash=${head.hash}`,
    );
    expect(await readJson(anchored)).toMatchObject({ valid: true, reason: null });
    const wrong = await audit(
      owner.tokens.accessToken,
      `/verify?anchorSeq=${head.chainSeq}&anchorHash=${"0".repeat(64)}`,
    );
    expect(await readJson(wrong)).toMatchObject({ valid: false, reason: "anchor-mismatch" });
    const beyond = await audit(
      owner.tokens.accessToken,
      `/verify?anchorSeq=${head.chainSeq + 1000}&anchorHash=${head.hash}`,
    );
    expect(await readJson(beyond)).toMatchObject({ valid: false, reason: "truncated" });
    expect((await audit(owner.tokens.accessToken, "/verify?anchorSeq=3")).status).toBe(422);
  });

  it("audits failed sign-ins (anonymous, with the reason and client IP) and never stores secrets in audit or logs", async () => {
    const failed = await client.request("/api/v1/auth/login", {
      json: { email: owner.email, password: "definitely-not-it-123" },
    });
    expect(failed.status).toBe(401);
    const refreshed = await client.request("/api/v1/auth/refresh", {
      json: { refreshToken: owner.tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);

    const database = auth.app.app.container.resolve(PlatformTokens.Database);
    const global = await listAuditEntries(database, { organizationId: null, action: "auth.login.failed", limit: 50 });
    if (!global.ok) throw new Error(global.error.message);
    expect(global.value.items).toContainEqual(
      expect.objectContaining({
        outcome: "failure",
        actorId: null,
        resourceId: owner.userId,
        ip: client.ip,
        metadata: { reason: "wrong-password" },
      }),
    );

    const everything = [
      ...(await listAll(database, null)),
      ...(await listAll(database, owner.organizationId as Uuid)),
    ].map((e) => JSON.stringify(e));
    expect(everything.some((e) => e.includes("auth.token.refreshed"))).toBe(true);
    const logs = auth.app.logs.map((line) => JSON.stringify(line));
    expect(logs.some((l) => l.includes("/api/v1/auth/login"))).toBe(true);
    for (const secret of [PASSWORD, "definitely-not-it-123", owner.tokens.refreshToken, owner.tokens.accessToken]) {
      expect(everything.filter((e) => e.includes(secret))).toEqual([]);
      expect(logs.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});

async function listAll(
  database: Parameters<typeof listAuditEntries>[0],
  organizationId: Uuid | null,
): Promise<unknown[]> {
  const page = await listAuditEntries(database, { organizationId, limit: 200 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.items;
}
