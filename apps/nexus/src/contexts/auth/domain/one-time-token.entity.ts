import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Email } from "./email.value-object";
import type { Role } from "./role.value-object";

export type OneTimeTokenPurpose = "email-verification" | "password-reset" | "invitation";

/** Lifetimes from spec §4 (verification 24 h, reset 15 min); invitations last a week. */
export const ONE_TIME_TOKEN_TTL_SECONDS: Readonly<Record<OneTimeTokenPurpose, number>> = {
  "email-verification": 24 * 3600,
  "password-reset": 15 * 60,
  invitation: 7 * 24 * 3600,
};

/** What an invitation grants when accepted. */
export interface InvitationGrant {
  readonly organizationId: Uuid;
  readonly role: Role;
  readonly invitedBy: Uuid;
}

export interface OneTimeTokenProps {
  readonly id: Uuid;
  readonly purpose: OneTimeTokenPurpose;
  /** SHA-256 of the raw token; the raw token only ever leaves in an email. */
  readonly tokenHash: string;
  /** The account it acts on; null for an invitation to an address with no account yet. */
  readonly userId: Uuid | null;
  readonly email: Email;
  /** Set exactly when purpose is "invitation". */
  readonly invitation: InvitationGrant | null;
  readonly createdAt: Timestamp;
  readonly expiresAt: Timestamp;
  readonly usedAt: Timestamp | null;
}

/** The address of every decoy: not the one asked for, which need not be kept for a request for nobody. */
const DECOY_EMAIL = "nobody@decoy.invalid" as Email;

export type InvalidToken = DomainError<"invalid-token">;
export type TokenExpired = DomainError<"token-expired">;

export class OneTimeToken {
  private constructor(private props: OneTimeTokenProps) {}

  static issue(input: {
    purpose: OneTimeTokenPurpose;
    tokenHash: string;
    userId: Uuid | null;
    email: Email;
    invitation?: InvitationGrant;
    now: Timestamp;
  }): OneTimeToken {
    const invitation = input.purpose === "invitation" ? (input.invitation ?? null) : null;
    if (input.purpose === "invitation" && !invitation) throw new Error("an invitation token needs its grant");
    return new OneTimeToken({
      id: Uuid.generate(input.now.epochMs),
      purpose: input.purpose,
      tokenHash: input.tokenHash,
      userId: input.userId,
      email: input.email,
      invitation,
      createdAt: input.now,
      expiresAt: input.now.plusMillis(ONE_TIME_TOKEN_TTL_SECONDS[input.purpose] * 1000),
      usedAt: null,
    });
  }

  /**
   * A token of nobody that can never be used: no account, a stand-in address, expired since the
   * epoch. Saved like a real one (the same statement, the same indexes) where an answer must not
   * tell by its work whether there was an account to issue a token for (forgot, resend); the hourly
   * purge of spent tokens deletes it.
   */
  static decoy(input: { purpose: OneTimeTokenPurpose; tokenHash: string; now: Timestamp }): OneTimeToken {
    return new OneTimeToken({
      id: Uuid.generate(input.now.epochMs),
      purpose: input.purpose,
      tokenHash: input.tokenHash,
      userId: null,
      email: DECOY_EMAIL,
      invitation: null,
      createdAt: input.now,
      expiresAt: Timestamp.fromMillis(0),
      usedAt: null,
    });
  }

  static restore(props: OneTimeTokenProps): OneTimeToken {
    return new OneTimeToken(props);
  }

  get id(): Uuid {
    return this.props.id;
  }
  get purpose(): OneTimeTokenPurpose {
    return this.props.purpose;
  }
  get tokenHash(): string {
    return this.props.tokenHash;
  }
  get userId(): Uuid | null {
    return this.props.userId;
  }
  get email(): Email {
    return this.props.email;
  }
  get invitation(): InvitationGrant | null {
    return this.props.invitation;
  }
  get createdAt(): Timestamp {
    return this.props.createdAt;
  }
  get expiresAt(): Timestamp {
    return this.props.expiresAt;
  }
  get usedAt(): Timestamp | null {
    return this.props.usedAt;
  }

  /**
   * Checks without consuming: right purpose, never used, not expired. A token for another purpose
   * is simply invalid (a reset token cannot verify an email).
   */
  check(purpose: OneTimeTokenPurpose, now: Timestamp): Result<void, InvalidToken | TokenExpired> {
    if (this.props.purpose !== purpose || this.props.usedAt !== null) {
      return err({ code: "invalid-token", message: "the token is invalid or has already been used" });
    }
    if (!now.isBefore(this.props.expiresAt)) return err({ code: "token-expired", message: "the token has expired" });
    return ok(undefined);
  }

  /** Single use: checks, then marks used. */
  consume(purpose: OneTimeTokenPurpose, now: Timestamp): Result<void, InvalidToken | TokenExpired> {
    const checked = this.check(purpose, now);
    if (!checked.ok) return checked;
    this.props = { ...this.props, usedAt: now };
    return ok(undefined);
  }

  /**
   * Spends an unused token without using it (an invitation revoked, replaced by a newer one, or
   * whose inviter lost the right to grant it). Returns false when it was already spent.
   */
  spend(now: Timestamp): boolean {
    if (this.props.usedAt !== null) return false;
    this.props = { ...this.props, usedAt: now };
    return true;
  }

  toProps(): OneTimeTokenProps {
    return this.props;
  }
}
