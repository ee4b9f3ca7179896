import { describe, expect, it } from "vitest";
import { createAuthTestKit, TEST_PASSWORD } from "../testing/auth-test-kit";
import { AcceptInvitationUseCase } from "./accept-invitation.use-case";
import { ChangePasswordUseCase } from "./change-password.use-case";
import { ForgotPasswordUseCase } from "./forgot-password.use-case";
import { InviteMemberUseCase } from "./invite-member.use-case";
import { LoginUseCase } from "./login.use-case";
import { RefreshTokensUseCase } from "./refresh-tokens.use-case";
import { ResetPasswordUseCase } from "./reset-password.use-case";

describe("audit hygiene", () => {
  it("no password or token, raw or hashed, ever reaches an audit entry", async () => {
    const kit = createAuthTestKit();
    const { tokens, actor, organization } = await kit.ownerWithOrganization();
    await new LoginUseCase(kit.deps).execute({
      email: "owner@example.com",
      password: "wrong password!!",
    });
    const refresh = new RefreshTokensUseCase(kit.deps);
    await refresh.execute({ refreshToken: tokens.refreshToken });
    await refresh.execute({ refreshToken: tokens.refreshToken }); // reuse
    const fresh = await kit.login("owner@example.com", organization.id);
    const changed = "changed passphrase 1";
    await new ChangePasswordUseCase(kit.deps).execute({
      actor: kit.actorOf(fresh),
      currentPassword: TEST_PASSWORD,
      newPassword: changed,
    });
    await new ForgotPasswordUseCase(kit.deps).execute({ email: "owner@example.com" });
    const reset = "reset passphrase 22";
    await new ResetPasswordUseCase(kit.deps).execute({
      token: kit.mailer.lastToken("password-reset", "owner@example.com"),
      newPassword: reset,
    });
    await new InviteMemberUseCase(kit.deps).execute({
      actor,
      organizationId: organization.id,
      email: "chef@example.com",
      role: "operator",
    });
    await kit.registerUser("chef@example.com");
    await new AcceptInvitationUseCase(kit.deps).execute({
      actor: kit.actorOf(await kit.login("chef@example.com")),
      token: kit.mailer.lastToken("invitation", "chef@example.com"),
    });

    expect(kit.audit.actions()).toEqual(
      expect.arrayContaining([
        "auth.login.failed",
        "auth.session.reuse_detected",
        "auth.password.changed",
        "auth.password.reset",
        "auth.invitation.accepted",
      ]),
    );
    const audited = JSON.stringify(kit.audit.entries);
    const secrets = [TEST_PASSWORD, "wrong password!!", changed, reset, ...kit.secureTokens.generated];
    for (const secret of secrets) {
      expect(audited).not.toContain(secret);
      expect(audited).not.toContain(kit.secureTokens.hash(secret));
    }
  });
});
