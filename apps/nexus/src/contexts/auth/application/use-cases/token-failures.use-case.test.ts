import { describe, expect, it } from "vitest";
import { createAuthTestKit } from "../testing/auth-test-kit";
import { AcceptInvitationUseCase } from "./accept-invitation.use-case";
import { InviteMemberUseCase } from "./invite-member.use-case";
import { LogoutUseCase } from "./logout.use-case";
import { RefreshTokensUseCase } from "./refresh-tokens.use-case";
import { ResetPasswordUseCase } from "./reset-password.use-case";
import { VerifyEmailUseCase } from "./verify-email.use-case";

const GARBAGE = "not-a-token-we-ever-issued";

/** Spec §8: every authentication event is audited, failures too, each with its own commit. */
describe("refused tokens are audited, without the token", () => {
  it("refresh: an unknown token, and a revoked session's token (naming the session)", async () => {
    const kit = createAuthTestKit();
    await kit.registerUser("ana@example.com");
    const tokens = await kit.login("ana@example.com");
    const refresh = new RefreshTokensUseCase(kit.deps);
    await refresh.execute({ refreshToken: GARBAGE });
    await new LogoutUseCase(kit.deps).execute({ actor: kit.actorOf(tokens) });
    expect(await refresh.execute({ refreshToken: tokens.refreshToken })).toMatchObject({
      ok: false,
      error: { code: "session-ended" },
    });

    const failures = kit.audit.independentEntries().filter((e) => e.action === "auth.token.refreshed");
    expect(failures).toEqual([
      expect.objectContaining({ outcome: "failure", metadata: { reason: "unknown-token" } }),
      expect.objectContaining({
        outcome: "failure",
        resourceId: kit.actorOf(tokens).sessionId,
        metadata: { reason: "session-revoked" },
      }),
    ]);
    expect(JSON.stringify(kit.audit.entries)).not.toContain(tokens.refreshToken);
  });

  it("email verification, password reset and invitation acceptance", async () => {
    const kit = createAuthTestKit();
    const { actor, organization } = await kit.ownerWithOrganization();
    await new VerifyEmailUseCase(kit.deps).execute({ token: GARBAGE });
    await new ResetPasswordUseCase(kit.deps).execute({
      token: GARBAGE,
      newPassword: "whatever it is 1",
    });
    const invite = { actor, organizationId: organization.id, email: "chef@example.com", role: "operator" };
    await new InviteMemberUseCase(kit.deps).execute({ ...invite });
    await kit.registerUser("intruder@example.com");
    const intruder = kit.actorOf(await kit.login("intruder@example.com"));
    const forwarded = kit.mailer.lastToken("invitation", "chef@example.com");
    await new AcceptInvitationUseCase(kit.deps).execute({ actor: intruder, token: forwarded });

    const failures = kit.audit.independentEntries().filter((e) => e.outcome === "failure");
    expect(failures.map((e) => [e.action, e.metadata?.reason, e.actorId])).toEqual([
      ["auth.email.verified", "invalid-token", null],
      ["auth.password.reset", "invalid-token", null],
      ["auth.invitation.accepted", "forbidden", intruder.userId],
    ]);
    expect(JSON.stringify(kit.audit.entries)).not.toContain(forwarded);
  });
});
