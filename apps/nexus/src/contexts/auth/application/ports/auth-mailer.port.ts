import type { Role } from "../../domain/role.value-object";

/**
 * Auth emails. The adapter builds the link from PUBLIC_BASE_URL and the RAW token and queues the
 * mail (sealed) in the outbox: call it INSIDE the unit of work, so the mail is queued if and only if
 * the token is stored. It never waits for the mail service and never fails because it is down.
 */
/** The mails an answer that must not tell whether an account exists may stand in for. */
export type StandInMail = "verification" | "password-reset";

export interface AuthMailer {
  /**
   * The same work as queueing a mail of that kind (rendered for a stand-in), mailing nobody: for
   * answers that must not tell whether an account exists.
   */
  sendNothing(like: StandInMail): Promise<void>;
  sendVerification(mail: { to: string; name: string; token: string }): Promise<void>;
  /** Someone tried to register with an email that already has an account. */
  sendAccountExistsNotice(mail: { to: string; name: string }): Promise<void>;
  sendPasswordReset(mail: { to: string; name: string; token: string }): Promise<void>;
  sendInvitation(mail: {
    to: string;
    organizationName: string;
    inviterName: string;
    role: Role;
    token: string;
  }): Promise<void>;
}
