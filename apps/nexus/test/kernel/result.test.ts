import { describe, expect, it } from "vitest";
import { andThen, err, map, ok, type Result, unwrap } from "@/shared/domain/result";

type Failure = { code: "too-small"; message: string };
const atLeastTen = (n: number): Result<number, Failure> =>
  n >= 10 ? ok(n) : err({ code: "too-small", message: `${n} < 10` });

describe("Result", () => {
  it("maps only the success channel", () => {
    expect(map(atLeastTen(12), (n) => n * 2)).toEqual(ok(24));
    expect(map(atLeastTen(3), (n) => n * 2)).toEqual(err({ code: "too-small", message: "3 < 10" }));
  });

  it("chains and short-circuits on the first error", () => {
    let called = false;
    const chained = andThen(atLeastTen(1), (n) => {
      called = true;
      return atLeastTen(n + 100);
    });
    expect(called).toBe(false);
    expect(chained.ok).toBe(false);
  });

  it("unwrap returns the value or throws naming the error code", () => {
    expect(unwrap(atLeastTen(10))).toBe(10);
    expect(() => unwrap(atLeastTen(9))).toThrow(/too-small/);
  });
});
