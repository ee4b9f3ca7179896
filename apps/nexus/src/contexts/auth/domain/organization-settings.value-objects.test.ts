import { describe, expect, it } from "vitest";
import { Currency } from "./currency.value-object";
import { OrganizationName } from "./organization-name.value-object";
import { PersonName } from "./person-name.value-object";
import { Timezone } from "./timezone.value-object";

describe("Currency", () => {
  it("accepts ISO 4217 codes in any case", () => {
    expect(Currency.parse("eur")).toEqual({ ok: true, value: "EUR" });
    expect(Currency.parse("BRL")).toEqual({ ok: true, value: "BRL" });
  });

  it.each(["EU", "EURO", "XYZ", "", "12A"])("rejects %j", (value) => {
    expect(Currency.parse(value)).toMatchObject({ ok: false, error: { code: "invalid-currency" } });
  });
});

describe("Timezone", () => {
  it("accepts IANA names and canonicalises their case", () => {
    expect(Timezone.parse("Europe/Lisbon")).toEqual({ ok: true, value: "Europe/Lisbon" });
    expect(Timezone.parse("america/sao_paulo")).toEqual({ ok: true, value: "America/Sao_Paulo" });
    expect(Timezone.parse("UTC").ok).toBe(true);
  });

  it.each(["Mars/Olympus_Mons", "+01:00", "", "Europe/", "../etc/passwd"])("rejects %j", (value) => {
    expect(Timezone.parse(value)).toMatchObject({ ok: false, error: { code: "invalid-timezone" } });
  });
});

describe("PersonName and OrganizationName", () => {
  it("trim and collapse whitespace", () => {
    expect(PersonName.parse("  Ana   Silva ")).toEqual({ ok: true, value: "Ana Silva" });
    expect(OrganizationName.parse(" Padaria  Central ")).toEqual({ ok: true, value: "Padaria Central" });
  });

  it("reject empty names", () => {
    expect(PersonName.parse("   ")).toMatchObject({ ok: false, error: { code: "invalid-person-name" } });
    expect(OrganizationName.parse("")).toMatchObject({ ok: false, error: { code: "invalid-organization-name" } });
  });

  it("reject names that are too long", () => {
    expect(PersonName.parse("a".repeat(101)).ok).toBe(false);
    expect(OrganizationName.parse("a".repeat(121)).ok).toBe(false);
  });

  it("reject control and bidi-override characters", () => {
    expect(PersonName.parse("Ana\u0000").ok).toBe(false);
    expect(OrganizationName.parse("Bakery \u202Egnp.exe").ok).toBe(false);
  });
});
