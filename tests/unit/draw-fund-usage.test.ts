import { Prisma } from "@/lib/server/db/generated/client";
import { describe, expect, it } from "vitest";
import { toFen } from "@/lib/server/draws/manifests";

describe("fund usage into the manifest", () => {
  it("turns decimal yuan into whole fen exactly, with no float rounding, for amounts up to the column's size", () => {
    expect(toFen(new Prisma.Decimal("1234.56"))).toBe(123456);
    expect(toFen(new Prisma.Decimal("0.1").plus("0.2"))).toBe(30);
    expect(toFen(new Prisma.Decimal("1.005"))).toBe(101);
    expect(toFen(new Prisma.Decimal("-12.34"))).toBe(-1234);
    expect(toFen(new Prisma.Decimal("-0.05"))).toBe(-5);
    expect(toFen(new Prisma.Decimal("9007199254740.99"))).toBe(900719925474099);
  });
});
