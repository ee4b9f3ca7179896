import { type DomainError, map, type Result } from "@/shared/domain/result";
import { parseDisplayText } from "./display-text";

export type PersonName = string & { readonly __brand: "PersonName" };
export type InvalidPersonName = DomainError<"invalid-person-name">;

export const PersonName = {
  parse(value: string): Result<PersonName, InvalidPersonName> {
    return map(parseDisplayText(value, "invalid-person-name", "name", 100), (v) => v as PersonName);
  },
};
