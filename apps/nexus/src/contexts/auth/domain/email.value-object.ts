import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

/** A normalised (trimmed, lower-case) email address. Branded so a raw string cannot pass for one. */
export type Email = string & { readonly __brand: "Email" };

export type InvalidEmail = DomainError<"invalid-email">;

// Deliberately modest: RFC 5322 allows far more, but real mailboxes look like this. The only
// proof an address works is the verification mail.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const invalid = (message: string): Result<Email, InvalidEmail> => err({ code: "invalid-email", message });

export const Email = {
  parse(value: string): Result<Email, InvalidEmail> {
    const email = value.trim().toLowerCase();
    if (email.length > 254) return invalid("email must be at most 254 characters");
    const at = email.lastIndexOf("@");
    if (at <= 0 || at === email.length - 1) return invalid("email must look like name@example.com");
    const local = email.slice(0, at);
    const domain = email.slice(at + 1);
    if (local.length > 64 || !LOCAL.test(local)) return invalid("email has an invalid name part");
    const labels = domain.split(".");
    const tld = labels[labels.length - 1] ?? "";
    if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,63}$/.test(tld)) {
      return invalid("email has an invalid domain");
    }
    return ok(email as Email);
  },
};
