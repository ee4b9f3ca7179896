import { describe, expect, it } from "vitest";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { toCsv } from "./csv";

describe("CSV", () => {
  it("writes money and quantities in their JSON form, quoting what needs quoting", () => {
    const q = Quantity.parse("12.5");
    if (!q.ok) throw new Error("quantity");
    expect(toCsv(["a", "b", "c"], [[Money.ofMinor(-250), q.value, 'Pão "de" forma, 1kg']])).toBe(
      'a,b,c\r\n-250,12.5,"Pão ""de"" forma, 1kg"\r\n',
    );
  });

  it("defuses cells a spreadsheet would run as formulas, but not negative numbers", () => {
    expect(toCsv(["x"], [["=HYPERLINK(1)"], ["@cmd"], ["-3.5"], [null]])).toBe(
      "x\r\n'=HYPERLINK(1)\r\n'@cmd\r\n-3.5\r\n\r\n",
    );
  });
});
