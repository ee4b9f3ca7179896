import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { QueuedMailer } from "@/shared/infrastructure/mail/mailer.port";
import type { AuthMailer, StandInMail } from "../../application/ports/auth-mailer.port";
import { ONE_TIME_TOKEN_TTL_SECONDS } from "../../domain/one-time-token.entity";
import type { Role } from "../../domain/role.value-object";
import { AuthMailTemplates } from "./auth-mail.templates";

/** Who a mail to nobody is rendered for: an address and a name of common length, a token of the real one's. */
const STAND_IN = { to: "someone.else@nexus.invalid", name: "Someone Else", token: "x".repeat(43) } as const;

/**
 * Auth emails queued through the platform's outbox mailer, in the use case's unit of work: the mail
 * is queued if and only if its token commits, the request never waits for SMTP, and an SMTP outage
 * delays the mail (the relay retries) instead of failing the request — or failing it only for real
 * accounts, which told an attacker which emails exist. Mails carrying a token expire with it: the
 * relay drops one it could not deliver before its link stopped working.
 */
export class MailerAuthMailer implements AuthMailer {
  private readonly templates: AuthMailTemplates;

  constructor(
    private readonly mailer: QueuedMailer,
    config: Pick<Config, "PUBLIC_BASE_URL">,
    private readonly now: () => number = Date.now,
  ) {
    this.templates = new AuthMailTemplates(config.PUBLIC_BASE_URL);
  }

  sendNothing(like: StandInMail): Promise<void> {
    const lookalike =
      like === "verification" ? this.templates.verification(STAND_IN) : this.templates.passwordReset(STAND_IN);
    return this.mailer.sendNothing({
      ...lookalike,
      expiresAt: this.expiry(like === "verification" ? "email-verification" : "password-reset"),
    });
  }

  sendVerification(mail: { to: string; name: string; token: string }): Promise<void> {
    return this.mailer.send({ ...this.templates.verification(mail), expiresAt: this.expiry("email-verification") });
  }

  sendAccountExistsNotice(mail: { to: string; name: string }): Promise<void> {
    return this.mailer.send(this.templates.accountExists(mail));
  }

  sendPasswordReset(mail: { to: string; name: string; token: string }): Promise<void> {
    return this.mailer.send({ ...this.templates.passwordReset(mail), expiresAt: this.expiry("password-reset") });
  }

  sendInvitation(mail: {
    to: string;
    organizationName: string;
    inviterName: string;
    role: Role;
    token: string;
  }): Promise<void> {
    return this.mailer.send({ ...this.templates.invitation(mail), expiresAt: this.expiry("invitation") });
  }

  private expiry(purpose: keyof typeof ONE_TIME_TOKEN_TTL_SECONDS): Date {
    return new Date(this.now() + ONE_TIME_TOKEN_TTL_SECONDS[purpose] * 1000);
  }
}
