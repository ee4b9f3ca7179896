import { describe, expect, it } from "vitest";
import { createAuthTestKit } from "../testing/auth-test-kit";
import { ChangeMemberRoleUseCase } from "./change-member-role.use-case";
import { RefreshTokensUseCase } from "./refresh-tokens.use-case";

async function signedIn(graceSeconds = 0) {
  const kit = createAuthTestKit({ refreshReuseGraceSeconds: graceSeconds });
  await kit.registerUser("ana@example.com");
  const tokens = await kit.login("ana@example.com");
  const refresh = (refreshToken: string) => new RefreshTokensUseCase(kit.deps).execute({ refreshToken });
  return { kit, tokens, refresh, sessionId: kit.actorOf(tokens).sessionId };
}

describe("RefreshTokensUseCase", () => {
  it("rotates: a new pair for the same session, audited", async () => {
    const { kit, tokens, refresh, sessionId } = await signedIn();
    const result = await refresh(tokens.refreshToken);
    if (!result.ok) throw new Error(result.error.code);

    expect(result.value.refreshToken).not.toBe(tokens.refreshToken);
    expect(kit.actorOf(result.value).sessionId).toBe(sessionId);
    expect(kit.store.tables.sessions.get(sessionId)?.generation).toBe(2);
    expect(kit.audit.entries.at(-1)).toMatchObject({ action: "auth.token.refreshed", resourceId: sessionId });
    expect((await refresh(result.value.refreshToken)).ok).toBe(true);
  });

  it("reuse of a rotated token revokes the whole session, everywhere, and is audited", async () => {
    const { kit, tokens, refresh, sessionId } = await signedIn();
    const rotated = await refresh(tokens.refreshToken);
    if (!rotated.ok) throw new Error(rotated.error.code);

    expect(await refresh(tokens.refreshToken)).toMatchObject({ ok: false, error: { code: "reuse-detected" } });
    expect(kit.store.tables.sessions.get(sessionId)).toMatchObject({ revokedReason: "reuse-detected" });
    expect(kit.revocations.revoked.has(sessionId)).toBe(true);
    expect(kit.audit.entries.at(-1)).toMatchObject({
      action: "auth.session.reuse_detected",
      outcome: "failure",
      resourceId: sessionId,
    });
    // The newest token of the family is dead too.
    expect(await refresh(rotated.value.refreshToken)).toMatchObject({ ok: false, error: { code: "session-ended" } });
  });

  it("grace window: a concurrent double refresh of the previous token is tolerated", async () => {
    const { kit, tokens, refresh } = await signedIn(10);
    const first = await refresh(tokens.refreshToken);
    kit.clock.advanceSeconds(5);
    const second = await refresh(tokens.refreshToken);
    expect(first.ok && second.ok).toBe(true);
    expect(kit.audit.entries.at(-1)?.metadata).toMatchObject({ withinGrace: true });
  });

  it("grace window: after it closes, the previous token is reuse", async () => {
    const { kit, tokens, refresh } = await signedIn(10);
    await refresh(tokens.refreshToken);
    kit.clock.advanceSeconds(11);
    expect(await refresh(tokens.refreshToken)).toMatchObject({ ok: false, error: { code: "reuse-detected" } });
  });

  it("rejects an unknown token without touching anything but the audit trail (an independent failure)", async () => {
    const { kit, refresh, sessionId } = await signedIn();
    const auditBefore = kit.audit.entries.length;
    const sessionBefore = kit.store.tables.sessions.get(sessionId);
    expect(await refresh("not-a-token")).toMatchObject({ ok: false, error: { code: "session-ended" } });
    expect(kit.store.tables.sessions.get(sessionId)).toEqual(sessionBefore);
    expect(kit.audit.entries.slice(auditBefore)).toEqual([
      expect.objectContaining({
        action: "auth.token.refreshed",
        outcome: "failure",
        metadata: { reason: "unknown-token" },
      }),
    ]);
    expect(kit.audit.independentEntries().at(-1)?.action).toBe("auth.token.refreshed");
  });

  it("an idle session expires", async () => {
    const { kit, tokens, refresh } = await signedIn();
    kit.clock.advanceSeconds(30 * 24 * 3600);
    expect(await refresh(tokens.refreshToken)).toMatchObject({ ok: false, error: { code: "session-expired" } });
  });

  it("reads the role again from the membership", async () => {
    const { kit } = await signedIn();
    const owner = await kit.ownerWithOrganization("boss@example.com");
    await kit.registerUser("op@example.com");
    const tokens = await kit.join(owner.actor, owner.organization.id, "op@example.com", "admin");
    // Self-demotion keeps the session, so the next refresh must carry the new role.
    await new ChangeMemberRoleUseCase(kit.deps).execute({
      actor: kit.actorOf(tokens),
      organizationId: owner.organization.id,
      userId: kit.actorOf(tokens).userId,
      role: "analyst",
    });
    const refreshed = await new RefreshTokensUseCase(kit.deps).execute({
      refreshToken: tokens.refreshToken,
    });
    if (!refreshed.ok) throw new Error(refreshed.error.code);
    expect(kit.actorOf(refreshed.value)).toMatchObject({ organizationId: owner.organization.id, role: "analyst" });
  });
});
