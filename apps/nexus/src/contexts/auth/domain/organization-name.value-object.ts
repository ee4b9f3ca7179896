import { type DomainError, map, type Result } from "@/shared/domain/result";
import { parseDisplayText } from "./display-text";

export type OrganizationName = string & { readonly __brand: "OrganizationName" };
export type InvalidOrganizationName = DomainError<"invalid-organization-name">;

export const OrganizationName = {
  parse(value: string): Result<OrganizationName, InvalidOrganizationName> {
    return map(
      parseDisplayText(value, "invalid-organization-name", "organization name", 120),
      (v) => v as OrganizationName,
    );
  },
};
