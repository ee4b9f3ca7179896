import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { Mailer } from "@/shared/infrastructure/mail/mailer.port";
import type { AuthMailer } from "../../application/ports/auth-mailer.port";
import type { Role } from "../../domain/role.value-object";
import { AuthMailTemplates } from "./auth-mail.templates";

/**
 * Auth emails over the platform Mailer. The use cases call it only AFTER their unit of work has
 * committed, whatever the transport: SMTP cannot roll back, so sending inside the transaction
 * could mail a token that a rollback never stored. The dev mailbox would enlist in a surrounding
 * transaction (it writes through `client.executor()`), but there is none at that point, so its
 * row commits on its own. Cost of sending after commit: if the mail service is down the use case
 * fails with ServiceUnavailableError although its writes are kept; the user asks again
 * (`/auth/email/resend`, `/auth/password/forgot`, or re-inviting), which issues a fresh token.
 */
export class MailerAuthMailer implements AuthMailer {
  private readonly templates: AuthMailTemplates;

  constructor(
    private readonly mailer: Mailer,
    config: Pick<Config, "PUBLIC_BASE_URL">,
  ) {
    this.templates = new AuthMailTemplates(config.PUBLIC_BASE_URL);
  }

  sendVerification(mail: { to: string; name: string; token: string }): Promise<void> {
    return this.mailer.send(this.templates.verification(mail));
  }

  sendAccountExistsNotice(mail: { to: string; name: string }): Promise<void> {
    return this.mailer.send(this.templates.accountExists(mail));
  }

  sendPasswordReset(mail: { to: string; name: string; token: string }): Promise<void> {
    return this.mailer.send(this.templates.passwordReset(mail));
  }

  sendInvitation(mail: {
    to: string;
    organizationName: string;
    inviterName: string;
    role: Role;
    token: string;
  }): Promise<void> {
    return this.mailer.send(this.templates.invitation(mail));
  }
}
