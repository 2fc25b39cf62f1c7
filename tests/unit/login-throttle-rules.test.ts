import { describe, expect, it } from "vitest";
import { blockingUntil, current, EMPTY_STATE, THROTTLE_RULES, withFailure, withSuccess, type ThrottleKind, type ThrottleState } from "@/lib/server/auth/throttle";
import { clientAddress } from "@/lib/security/client-address";

const start = new Date("2026-01-05T08:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

function fail(state: ThrottleState, kind: ThrottleKind, times: number, when: (i: number) => Date): ThrottleState {
  let s = state;
  for (let i = 0; i < times; i += 1) s = withFailure(current(s, kind, when(i)), kind, when(i));
  return s;
}

describe("sign-in throttle rules", () => {
  it("blocks an account from one address on the fifth failure inside 15 minutes, for 15 minutes", () => {
    const state = fail(EMPTY_STATE, "pair", 5, (i) => at(i * 3));
    expect(state.blockedUntil).toEqual(new Date(at(12).getTime() + THROTTLE_RULES.pair.blockMs));
    expect(blockingUntil(new Map([["pair", current(state, "pair", at(20))]]), at(20))).toEqual(state.blockedUntil);
    expect(blockingUntil(new Map([["pair", current(state, "pair", at(28))]]), at(28))).toBeNull();
    expect(current(state, "pair", at(28)).failures).toBe(0);
  });

  it("starts a new window when failures are more than 15 minutes apart", () => {
    const state = fail(EMPTY_STATE, "pair", 6, (i) => at(i * 4));
    expect(state.blockedUntil).toBeNull();
    expect(state.failures).toBeLessThan(THROTTLE_RULES.pair.maxFailures);
  });

  it("lets an address the account signed in from before through a block on the account or the address", () => {
    const account = fail(EMPTY_STATE, "account", THROTTLE_RULES.account.maxFailures, () => at(1));
    const address = fail(EMPTY_STATE, "address", THROTTLE_RULES.address.maxFailures, () => at(1));
    const unknownPair = EMPTY_STATE;
    const knownPair = { ...EMPTY_STATE, succeededAt: at(-60 * 24) };
    expect(blockingUntil(new Map<ThrottleKind, ThrottleState>([["pair", unknownPair], ["address", EMPTY_STATE], ["account", account]]), at(2))).toEqual(account.blockedUntil);
    expect(blockingUntil(new Map<ThrottleKind, ThrottleState>([["pair", unknownPair], ["address", address], ["account", EMPTY_STATE]]), at(2))).toEqual(address.blockedUntil);
    expect(blockingUntil(new Map<ThrottleKind, ThrottleState>([["pair", knownPair], ["address", address], ["account", account]]), at(2))).toBeNull();
    // The pair's own limit still holds for a known address.
    const blockedPair = fail(knownPair, "pair", 5, () => at(1));
    expect(blockingUntil(new Map<ThrottleKind, ThrottleState>([["pair", blockedPair]]), at(2))).toEqual(blockedPair.blockedUntil);
  });

  it("gives a success's reservation back and remembers the address", () => {
    const pair = withSuccess(fail(EMPTY_STATE, "pair", 3, () => at(1)), "pair", at(2));
    expect(pair).toMatchObject({ failures: 0, blockedUntil: null, succeededAt: at(2) });
    const account = withSuccess(fail(EMPTY_STATE, "account", THROTTLE_RULES.account.maxFailures, () => at(1)), "account", at(2));
    expect(account.failures).toBe(THROTTLE_RULES.account.maxFailures - 1);
    expect(account.blockedUntil).toBeNull();
  });
});

describe("client address", () => {
  it("takes the entry the nearest trusted proxy appended, not what the client claimed", () => {
    expect(clientAddress("10.1.2.3")).toBe("10.1.2.3");
    expect(clientAddress("6.6.6.6, 10.1.2.3")).toBe("10.1.2.3");
    expect(clientAddress("6.6.6.6, 10.1.2.3, 192.168.0.9", 2)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", 3)).toBe("10.1.2.3");
    expect(clientAddress(undefined)).toBeUndefined();
    expect(clientAddress(" , ")).toBeUndefined();
  });
});
