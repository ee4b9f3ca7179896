import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Email } from "./email.value-object";
import type { PersonName } from "./person-name.value-object";

export interface UserProps {
  readonly id: Uuid;
  readonly email: Email;
  readonly name: PersonName;
  readonly passwordHash: string;
  readonly emailVerifiedAt: Timestamp | null;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

export class User {
  private constructor(private props: UserProps) {}

  static register(input: { email: Email; name: PersonName; passwordHash: string; now: Timestamp }): User {
    return new User({
      id: Uuid.generate(input.now.epochMs),
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      emailVerifiedAt: null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  /** Rebuilds a stored user (repositories only). */
  static restore(props: UserProps): User {
    return new User(props);
  }

  get id(): Uuid {
    return this.props.id;
  }
  get email(): Email {
    return this.props.email;
  }
  get name(): PersonName {
    return this.props.name;
  }
  get passwordHash(): string {
    return this.props.passwordHash;
  }
  get emailVerifiedAt(): Timestamp | null {
    return this.props.emailVerifiedAt;
  }
  get isEmailVerified(): boolean {
    return this.props.emailVerifiedAt !== null;
  }
  get createdAt(): Timestamp {
    return this.props.createdAt;
  }
  get updatedAt(): Timestamp {
    return this.props.updatedAt;
  }

  /** Idempotent: the first verification time is kept. */
  verifyEmail(now: Timestamp): void {
    if (this.props.emailVerifiedAt) return;
    this.props = { ...this.props, emailVerifiedAt: now, updatedAt: now };
  }

  /** A new password or a rehash of the same one with stronger parameters. */
  replacePasswordHash(passwordHash: string, now: Timestamp): void {
    this.props = { ...this.props, passwordHash, updatedAt: now };
  }

  toProps(): UserProps {
    return this.props;
  }
}
