import { describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { createAuthTestKit, TEST_META } from "../testing/auth-test-kit";
import { ListSessionsUseCase } from "./list-sessions.use-case";
import { LogoutUseCase } from "./logout.use-case";
import { LogoutAllUseCase } from "./logout-all.use-case";
import { RefreshTokensUseCase } from "./refresh-tokens.use-case";
import { RevokeSessionUseCase } from "./revoke-session.use-case";

async function twoDevices() {
  const kit = createAuthTestKit();
  await kit.registerUser("ana@example.com");
  const laptop = await kit.login("ana@example.com");
  kit.clock.advanceSeconds(1);
  const phone = await kit.login("ana@example.com");
  return { kit, laptop, phone };
}

const FIRST_PAGE = { limit: 50, cursor: null };

describe("session use cases", () => {
  it("lists active sessions with the current one flagged", async () => {
    const { kit, laptop, phone } = await twoDevices();
    const result = await new ListSessionsUseCase(kit.deps).execute({ actor: kit.actorOf(laptop), page: FIRST_PAGE });
    if (!result.ok) throw new Error("unreachable");
    expect(result.value.items.map((s) => [s.id, s.current])).toEqual([
      [kit.actorOf(phone).sessionId, false],
      [kit.actorOf(laptop).sessionId, true],
    ]);
    expect(result.value.items[0]).toMatchObject({ ip: TEST_META.ip, userAgent: TEST_META.userAgent });
  });

  it("logout ends the current session only; its access and refresh tokens stop working", async () => {
    const { kit, laptop, phone } = await twoDevices();
    await new LogoutUseCase(kit.deps).execute({ actor: kit.actorOf(laptop) });

    expect(kit.revocations.revoked).toEqual(new Set([kit.actorOf(laptop).sessionId]));
    const refresh = new RefreshTokensUseCase(kit.deps);
    expect(await refresh.execute({ refreshToken: laptop.refreshToken })).toMatchObject({ ok: false });
    expect((await refresh.execute({ refreshToken: phone.refreshToken })).ok).toBe(true);
    expect(kit.audit.actions()).toContain("auth.logout");
  });

  it("logout-all ends every session", async () => {
    const { kit, laptop, phone } = await twoDevices();
    await new LogoutAllUseCase(kit.deps).execute({ actor: kit.actorOf(laptop) });
    expect(kit.revocations.revoked).toEqual(new Set([kit.actorOf(laptop).sessionId, kit.actorOf(phone).sessionId]));
    const listed = await new ListSessionsUseCase(kit.deps).execute({ actor: kit.actorOf(laptop), page: FIRST_PAGE });
    expect(listed).toEqual({ ok: true, value: { items: [], nextCursor: null } });
    expect(kit.audit.entries.at(-1)).toMatchObject({
      action: "auth.logout",
      outcome: "success",
      actorId: kit.actorOf(laptop).userId,
      metadata: { scope: "all", sessions: 2 },
    });
  });

  it("revokes one of my sessions", async () => {
    const { kit, laptop, phone } = await twoDevices();
    const phoneSession = kit.actorOf(phone).sessionId;
    const result = await new RevokeSessionUseCase(kit.deps).execute({
      actor: kit.actorOf(laptop),
      sessionId: phoneSession,
    });
    expect(result.ok).toBe(true);
    expect(kit.revocations.revoked.has(phoneSession)).toBe(true);
    expect(kit.audit.entries.at(-1)).toMatchObject({ action: "auth.session.revoked", resourceId: phoneSession });
  });

  it("someone else's session, an unknown id and an ended session are all not-found", async () => {
    const { kit, laptop } = await twoDevices();
    await kit.registerUser("eve@example.com");
    const eve = kit.actorOf(await kit.login("eve@example.com"));
    const revoke = new RevokeSessionUseCase(kit.deps);
    const laptopSession = kit.actorOf(laptop).sessionId;

    const results = [
      await revoke.execute({ actor: eve, sessionId: laptopSession }),
      await revoke.execute({ actor: kit.actorOf(laptop), sessionId: Uuid.generate() }),
    ];
    await new LogoutUseCase(kit.deps).execute({ actor: kit.actorOf(laptop) });
    results.push(await revoke.execute({ actor: kit.actorOf(laptop), sessionId: laptopSession }));

    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(kit.store.tables.sessions.get(laptopSession)?.revokedReason).toBe("logout");
  });
});
