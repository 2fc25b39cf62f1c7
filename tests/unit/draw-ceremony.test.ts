import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/domain/draw/canonical-json";
import { manifestHash } from "@/lib/domain/draw/public-manifest";
import {
  closeCeremony,
  commitmentOf,
  enterEntropy,
  openCeremony,
  revealSalt,
  runCeremony,
  seedOf,
  seedOfCeremony,
  stopCeremony,
} from "@/lib/domain/draw/seed";
import { buildTeamManifest } from "@/lib/domain/draw/team-manifest";

const nodeSha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("canonical JSON", () => {
  it("sorts keys, drops whitespace and writes strings as JSON.stringify (and Python's json.dumps) do", () => {
    expect(canonicalJson({ b: [1, "二", null, true], a: { d: "\n\"\\\u0001", c: -5 } })).toBe(
      '{"a":{"c":-5,"d":"\\n\\"\\\\\\u0001"},"b":[1,"二",null,true]}',
    );
  });

  it("round-trips and does not depend on key insertion order", () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.maxSafeInteger(),
        fc.string({ unit: "grapheme" }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: fc.constantFrom(..."abcXYZ_-") }), tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it("keeps a __proto__ key as an ordinary key, as Python would", () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).toBe('{"__proto__":{"x":2},"b":1}');
  });

  it.each([
    ["a fraction", { a: 1.5 }, "$.a"],
    ["an array-index key (JavaScript would order it first)", { b: 1, 10: 2 }, "$"],
    ["an unsafe integer", [2 ** 53], "$[0]"],
    ["a non-ASCII key", { 名称: 1 }, "$"],
    ["a lone surrogate", ["\ud800"], "$[0]"],
    ["undefined", { a: undefined }, "$.a"],
    ["a Date", { a: new Date(0) }, "$.a"],
  ])("refuses %s", (_, value, path) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code: "INVALID_JSON_VALUE", path }));
  });
});

const manifest = buildTeamManifest({
  disclosureKey: "d".repeat(64),
  planId: "P2024",
  planYear: 2024,
  parties: [
    { id: "BUREAU", name: "bureau" },
    { id: "DISCIPLINE", name: "discipline office" },
  ],
  inspected: [{ code: "R1", name: "one" }, { code: "R2", name: "two" }, { code: "R3", name: "three" }],
  participating: [{ code: "R1", name: "one" }, { code: "R2", name: "two" }, { code: "R3", name: "three" }],
  experts: { perTeam: 0, people: [] },
  thirdParty: { perTeam: 0, people: [] },
});
const hash = manifestHash(manifest);
const salts = [
  { party: "BUREAU", salt: "bureau-secret-salt-0001" },
  { party: "DISCIPLINE", salt: "discipline-secret-salt-0002" },
];
const commitments = salts.map((s) => ({ party: s.party, commitment: commitmentOf(s.salt) }));
const entropy = "12345678901234567890";

describe("the ceremony", () => {
  it("commits to a salt by its SHA-256", () => {
    expect(commitmentOf("bureau-secret-salt-0001")).toBe(nodeSha("bureau-secret-salt-0001"));
    expect(() => commitmentOf("short")).toThrow(expect.objectContaining({ code: "INVALID_SALT" }));
  });

  it("makes the seed as the SHA-256 of the documented joining, in manifest party order", () => {
    const expected = nodeSha(
      `["feijian-draw-seed/1","${hash}",[["BUREAU","bureau-secret-salt-0001"],["DISCIPLINE","discipline-secret-salt-0002"]],"${entropy}"]`,
    );
    const reversed = [...commitments].reverse();
    let ceremony = enterEntropy(openCeremony(manifest, hash, reversed), entropy);
    ceremony = revealSalt(ceremony, "DISCIPLINE", salts[1]!.salt);
    ceremony = revealSalt(ceremony, "BUREAU", salts[0]!.salt);
    const closed = closeCeremony(ceremony);
    expect(seedOfCeremony(closed)).toBe(expected);
    expect(seedOf({ manifestHash: hash, salts, publicEntropy: entropy })).toBe(expected);
  });

  it("changes the seed when any input changes", () => {
    const seed = seedOf({ manifestHash: hash, salts, publicEntropy: entropy });
    expect(seedOf({ manifestHash: hash, salts, publicEntropy: `${entropy}0` })).not.toBe(seed);
    expect(seedOf({ manifestHash: hash.replace(/^./, "0"), salts, publicEntropy: entropy })).not.toBe(seed);
    expect(seedOf({ manifestHash: hash, salts: [...salts].reverse(), publicEntropy: entropy })).not.toBe(seed);
  });

  it("refuses a salt that does not match its commitment, and steps out of order", () => {
    const open = openCeremony(manifest, hash, commitments);
    expect(() => revealSalt(open, "BUREAU", salts[0]!.salt)).toThrow(expect.objectContaining({ code: "CEREMONY_OUT_OF_ORDER" }));
    const entered = enterEntropy(open, entropy);
    expect(() => revealSalt(entered, "BUREAU", "another-salt-of-enough-length")).toThrow(expect.objectContaining({ code: "SALT_MISMATCH" }));
    expect(() => revealSalt(entered, "STRANGER", salts[0]!.salt)).toThrow(expect.objectContaining({ code: "UNKNOWN_PARTY" }));
    expect(() => enterEntropy(open, "1234")).toThrow(expect.objectContaining({ code: "INVALID_ENTROPY" }));
    expect(() => enterEntropy(open, "1234567890123456789a")).toThrow(expect.objectContaining({ code: "INVALID_ENTROPY" }));
  });

  it("needs a commitment from every party before it opens", () => {
    expect(() => openCeremony(manifest, hash, commitments.slice(0, 1))).toThrow(expect.objectContaining({ code: "INVALID_COMMITMENT" }));
    expect(() => openCeremony(manifest, hash, [...commitments, commitments[0]!])).toThrow(
      expect.objectContaining({ code: "INVALID_COMMITMENT", path: "commitments[2]" }),
    );
  });

  it("stops, visibly and without a seed, when a party does not reveal", () => {
    const entered = revealSalt(enterEntropy(openCeremony(manifest, hash, commitments), entropy), "BUREAU", salts[0]!.salt);
    const stopped = closeCeremony(entered);
    expect(stopped).toMatchObject({ stage: "STOPPED", missing: ["DISCIPLINE"] });
    expect(() => seedOfCeremony(stopped)).toThrow(expect.objectContaining({ code: "CEREMONY_STOPPED" }));
    expect(() => revealSalt(stopped, "DISCIPLINE", salts[1]!.salt)).toThrow(expect.objectContaining({ code: "CEREMONY_OUT_OF_ORDER" }));
    expect(stopCeremony(openCeremony(manifest, hash, commitments))).toMatchObject({ stage: "STOPPED", missing: ["BUREAU", "DISCIPLINE"] });
  });

  it("runs end to end in one call", () => {
    const ceremony = runCeremony(manifest, { commitments, publicEntropy: entropy, salts });
    expect(ceremony.stage).toBe("SEEDED");
    expect(seedOfCeremony(ceremony)).toBe(seedOf({ manifestHash: hash, salts, publicEntropy: entropy }));
  });
});
