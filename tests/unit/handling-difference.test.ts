import { describe, expect, it } from "vitest";
import { handlingDifference } from "@/lib/domain/case/handling-difference";

describe("the difference between the handled and handed-over amounts (Jilin plan §四(三))", () => {
  it("city ended handling at ¥999,999 against ¥21,145.60 handed over: a large difference that needs an explanation", () => {
    expect(handlingDifference("21145.60", "999999.00")).toEqual({ difference: "978853.40", direction: "MORE", large: true });
  });

  it("exactly 10 % or exactly ¥10,000 is not more than the threshold", () => {
    expect(handlingDifference("1000.00", "900.00").large).toBe(false);
    expect(handlingDifference("1000.00", "899.99").large).toBe(true);
    expect(handlingDifference("1000000.00", "990000.00").large).toBe(false);
    expect(handlingDifference("1000000.00", "989999.99").large).toBe(true);
  });

  it("the same amount, or nothing handed over and nothing handled, is no difference", () => {
    expect(handlingDifference("500.00", "500.00")).toEqual({ difference: "0.00", direction: "SAME", large: false });
    expect(handlingDifference("0.00", "0.00").large).toBe(false);
    expect(handlingDifference("0.00", "0.01").large).toBe(true);
  });

  it("follows the bureau's own threshold", () => {
    expect(handlingDifference("1000.00", "960.00", { percent: "5", amount: "10000" }).large).toBe(false);
    expect(handlingDifference("1000.00", "940.00", { percent: "5", amount: "10000" }).large).toBe(true);
    expect(handlingDifference("100000.00", "99000.00", { percent: "50", amount: "500" }).large).toBe(true);
  });
});
