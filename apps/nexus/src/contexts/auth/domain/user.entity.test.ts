import { describe, expect, it } from "vitest";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Email } from "./email.value-object";
import type { PersonName } from "./person-name.value-object";
import { User } from "./user.entity";

const T0 = Timestamp.fromMillis(Date.UTC(2026, 0, 5, 9));

describe("User", () => {
  const register = () =>
    User.register({ email: "ana@example.com" as Email, name: "Ana" as PersonName, passwordHash: "h", now: T0 });

  it("starts unverified", () => {
    expect(register().isEmailVerified).toBe(false);
  });

  it("keeps the first verification time", () => {
    const user = register();
    user.verifyEmail(T0.plusMillis(1000));
    user.verifyEmail(T0.plusMillis(5000));
    expect(user.emailVerifiedAt).toEqual(T0.plusMillis(1000));
  });

  it("replaces its password hash", () => {
    const user = register();
    user.replacePasswordHash("h2", T0.plusMillis(1));
    expect(user.passwordHash).toBe("h2");
    expect(user.updatedAt).toEqual(T0.plusMillis(1));
  });
});
