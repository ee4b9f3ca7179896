import { expect } from "vitest";
import { convert } from "xmlbuilder2";

/** Reading a UBL document in tests: elements by their prefixed names, amounts back in minor units. */
export type Xml = Record<string, unknown>;

export const asList = (value: unknown): Xml[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Xml[];

export const child = (node: unknown, name: string): Xml => {
  const found = (node as Xml)[name];
  if (found === undefined) throw new Error(`missing element ${name}`);
  return found as Xml;
};

export const text = (node: unknown, name: string): string => {
  const value = child(node, name);
  return typeof value === "string" ? value : String((value as Xml)["#"]);
};

/** Minor units of a UBL amount ("19.99" → 1999), checking it is stated in the document currency. */
export const minor = (node: unknown, name: string, currency: string): number => {
  const value = child(node, name);
  expect(value["@currencyID"]).toBe(currency);
  const decimal = String(value["#"]);
  expect(decimal).toMatch(/^-?\d+(\.\d{1,2})?$/); // BR-DEC-*: at most 2 decimals
  const [units = "0", fraction = ""] = decimal.replace("-", "").split(".");
  const magnitude = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
  return decimal.startsWith("-") ? -magnitude : magnitude;
};

/** A rate as basis points ("5.5" → 550), exactly. */
export const basisPoints = (percent: string): number => {
  const [units = "0", fraction = ""] = percent.split(".");
  return Number(units) * 100 + Number(fraction.padEnd(2, "0"));
};

export function parseUbl(xml: string, root: "Invoice" | "CreditNote"): Xml {
  return child(convert(xml, { format: "object" }) as Xml, root);
}
