import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSecretKeys } from "@/shared/infrastructure/secrets/secret-key";
import { MailSeal, UnsealableMailError } from "./mail-seal";

const key = () => randomBytes(32).toString("base64url");

describe("MailSeal", () => {
  it("opens what it sealed, and the sealed text shows neither the address nor the link", () => {
    const seal = new MailSeal(parseSecretKeys(key(), "MAIL_SEAL_KEY"));
    const mail = { to: "ada@example.com", text: "https://nexus/reset?token=s3cr3t-t0ken" };
    const sealed = seal.seal(mail);
    expect(sealed).not.toContain("ada@example.com");
    expect(sealed).not.toContain("s3cr3t");
    expect(seal.unseal(sealed)).toEqual(mail);
    expect(seal.unseal(seal.seal(null))).toBeNull();
  });

  it("pads, so a request for nobody is as long as a short mail", () => {
    const seal = new MailSeal(parseSecretKeys(key(), "MAIL_SEAL_KEY"));
    expect(seal.seal(null).length).toBe(seal.seal({ to: "a@b.c", subject: "Hi", text: "short" }).length);
  });

  it("seals a request for nobody exactly as long as the mail it stands in for, and opens it as null", () => {
    const seal = new MailSeal(parseSecretKeys(key(), "MAIL_SEAL_KEY"));
    const mail = fc.record({ to: fc.emailAddress(), subject: fc.string(), text: fc.string({ maxLength: 5000 }) });
    fc.assert(
      fc.property(mail, (lookalike) => {
        const nobody = seal.seal(null, lookalike);
        expect(nobody.length).toBe(seal.seal(lookalike).length);
        expect(seal.unseal(nobody)).toBeNull();
      }),
    );
  });

  it("refuses a tampered body and a key it does not have; opens with an older configured key", () => {
    const [oldKey, newKey] = [key(), key()];
    const old = new MailSeal(parseSecretKeys(oldKey, "MAIL_SEAL_KEY"));
    const sealed = old.seal({ to: "x@example.com" });
    const parts = sealed.split(".");
    parts[3] = `${parts[3]?.[0] === "A" ? "B" : "A"}${parts[3]?.slice(1)}`;
    expect(() => old.unseal(parts.join("."))).toThrow(UnsealableMailError);
    expect(() => new MailSeal(parseSecretKeys(newKey, "MAIL_SEAL_KEY")).unseal(sealed)).toThrow(/not configured/);
    const rotated = new MailSeal(parseSecretKeys(`${newKey},${oldKey}`, "MAIL_SEAL_KEY"));
    expect(rotated.unseal(sealed)).toEqual({ to: "x@example.com" });
  });

  it("rejects keys shorter than 32 bytes", () => {
    expect(() => parseSecretKeys("c2hvcnQ", "MAIL_SEAL_KEY")).toThrow(/at least 32/);
  });
});
