import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ListCursor } from "./list-cursor";

describe("ListCursor", () => {
  it("gives back the position to the list that sealed it, and nothing to any other", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string(), (list, other, position) => {
        fc.pre(!(`${other}|`.startsWith(`${list}|`) || `${list}|`.startsWith(`${other}|`)));
        const cursor = ListCursor.seal(list, position);
        expect(ListCursor.open(list, cursor)).toBe(position);
        expect(ListCursor.open(other, cursor)).toBeNull();
      }),
    );
  });

  it("refuses garbage and an untagged position", () => {
    expect(ListCursor.open("production.lots", "garbage!")).toBeNull();
    expect(ListCursor.open("production.lots", Buffer.from("01a2").toString("base64url"))).toBeNull();
  });
});
