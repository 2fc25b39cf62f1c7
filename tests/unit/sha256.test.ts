import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256, sha256Hex } from "@/lib/domain/crypto/sha256";

const nodeHex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("sha256", () => {
  it("gives the FIPS 180-4 example digests", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto on bytes of every length around the 64-byte block and padding edges", () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + length) % 256);
      expect(toHex(sha256(bytes)), `length ${length}`).toBe(nodeHex(bytes));
    }
  });

  it("agrees with node:crypto on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        expect(toHex(sha256(bytes))).toBe(nodeHex(bytes));
      }),
    );
  });

  it("hashes the UTF-8 encoding of text, as node:crypto does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeHex(text));
      }),
    );
    expect(sha256Hex("飞行检查")).toBe(nodeHex("飞行检查"));
  });

  it("refuses text with a lone surrogate, which has no UTF-8 encoding", () => {
    expect(() => sha256Hex("a\uD800b")).toThrow(TypeError);
    expect(() => sha256Hex("\uDC00")).toThrow(TypeError);
    expect(() => sha256Hex("\uD800")).toThrow(TypeError);
    expect(sha256Hex("\uD83D\uDE00")).toBe(nodeHex("😀"));
  });
});
