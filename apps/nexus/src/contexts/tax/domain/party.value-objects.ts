import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

export type InvalidParty = DomainError<"invalid-party"> & { readonly field: string };

export interface PostalAddress {
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, upper-case. */
  readonly countryCode: string;
}

/** The seller on every document: required before the first invoice (spec §6). */
export interface FiscalIdentity {
  readonly legalName: string;
  readonly taxId: string;
  readonly address: PostalAddress;
}

/** The buyer as written on the invoice. */
export interface Customer {
  readonly name: string;
  readonly taxId: string | null;
  readonly address: PostalAddress | null;
}

const REGIONS = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

export const PostalAddress = {
  create(input: PostalAddress, field = "address"): Result<PostalAddress, InvalidParty> {
    const line1 = text(input.line1, 200);
    const city = text(input.city, 100);
    const postalCode = text(input.postalCode, 20);
    const countryCode = String(input.countryCode ?? "")
      .trim()
      .toUpperCase();
    if (line1 === null) return invalid(`${field}/line1`, "line1 must have 1 to 200 characters");
    if (city === null) return invalid(`${field}/city`, "city must have 1 to 100 characters");
    if (postalCode === null) return invalid(`${field}/postalCode`, "postalCode must have 1 to 20 characters");
    // Intl echoes an unknown region code back unchanged.
    if (!/^[A-Z]{2}$/.test(countryCode) || REGIONS.of(countryCode) === countryCode) {
      return invalid(`${field}/countryCode`, "countryCode must be an ISO 3166-1 alpha-2 code");
    }
    return ok({ line1, city, postalCode, countryCode });
  },
};

export const FiscalIdentity = {
  create(input: FiscalIdentity): Result<FiscalIdentity, InvalidParty> {
    const legalName = text(input.legalName, 200);
    const taxId = text(input.taxId, 64);
    if (legalName === null) return invalid("legalName", "legalName must have 1 to 200 characters");
    if (taxId === null) return invalid("taxId", "taxId must have 1 to 64 characters");
    const address = PostalAddress.create(input.address);
    return address.ok ? ok({ legalName, taxId, address: address.value }) : address;
  },
};

export const Customer = {
  create(input: {
    name: string;
    taxId?: string | null;
    address?: PostalAddress | null;
  }): Result<Customer, InvalidParty> {
    const name = text(input.name, 200);
    if (name === null) return invalid("customer/name", "customer name must have 1 to 200 characters");
    const taxId = input.taxId == null || input.taxId.trim() === "" ? null : text(input.taxId, 64);
    if (input.taxId != null && input.taxId.trim() !== "" && taxId === null) {
      return invalid("customer/taxId", "customer taxId must have at most 64 characters");
    }
    if (input.address == null) return ok({ name, taxId, address: null });
    const address = PostalAddress.create(input.address, "customer/address");
    return address.ok ? ok({ name, taxId, address: address.value }) : address;
  },
};

function text(value: unknown, max: number): string | null {
  const trimmed = typeof value === "string" ? value.trim() : "";
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : null;
}

function invalid(field: string, message: string): Result<never, InvalidParty> {
  return err({ code: "invalid-party", message, field });
}
