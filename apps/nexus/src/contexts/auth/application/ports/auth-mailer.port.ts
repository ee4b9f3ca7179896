import type { Role } from "../../domain/role.value-object";

/**
 * Auth emails. The adapter builds the link from PUBLIC_BASE_URL and the RAW token; nothing else
 * ever sees the raw token after the use case returns. Use cases call it only after their unit of
 * work has committed.
 */
export interface AuthMailer {
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
