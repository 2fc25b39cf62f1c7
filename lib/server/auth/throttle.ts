import "server-only";
import type { PrismaClient, Tx } from "@/lib/server/db/client";

/**
 * Throttling of password guesses (docs/decisions/018-sign-in-sessions-and-throttling.md).
 *
 * - `pair`: one account from one address. 5 failures in 15 minutes block that pair for 15 minutes. This is the
 *   limit a guesser meets first, and it never touches the real user working from elsewhere.
 * - `address`: one address, any usernames. 20 failures in 15 minutes block the address for 15 minutes
 *   (password spraying), except for accounts that have signed in from it before.
 * - `account`: one account, any addresses. 10 failures in 15 minutes block the account for 15 minutes, again
 *   except from addresses it has signed in from before: an attacker with many addresses is held to 10 guesses,
 *   and still cannot lock the real user out of the office they always work from.
 * - `password`: wrong current passwords on the password-change form of one signed-in user.
 *
 * Every attempt is counted before the password is checked, in one transaction holding the rows' locks, so 20
 * guesses sent at once get 5 checks, not 20, and none is lost. A success gives the reservation back.
 * Keys are built from what was typed, whether or not the account exists, so the answers cannot tell them apart.
 */
export const THROTTLE_RULES = {
  pair: { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  address: { maxFailures: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  account: { maxFailures: 10, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  password: { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

/** An address an account signed in from within this time is "known" to it. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 3600_000;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date | null;
  blockedUntil: Date | null;
  succeededAt: Date | null;
}

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export const EMPTY_STATE: ThrottleState = { failures: 0, windowStartedAt: null, blockedUntil: null, succeededAt: null };

export const accountThrottleKey = (username: string) => `account:${username}`;

/** The keys a sign-in attempt counts against. An attempt without an address shares the key "unknown". */
export function loginThrottleKeys(username: string, address: string | undefined): ThrottleKey[] {
  const from = address || "unknown";
  return [
    { kind: "pair", key: `pair:${from} ${username}` },
    { kind: "address", key: `address:${from}` },
    { kind: "account", key: accountThrottleKey(username) },
  ];
}

export function passwordThrottleKeys(userId: string): ThrottleKey[] {
  return [{ kind: "password", key: `password:${userId}` }];
}

/** Pure: the state with an expired window or block cleared. */
export function current(state: ThrottleState, kind: ThrottleKind, now: Date): ThrottleState {
  const rule = THROTTLE_RULES[kind];
  const blocked = state.blockedUntil !== null && state.blockedUntil > now;
  const windowOpen = state.windowStartedAt !== null && now.getTime() - state.windowStartedAt.getTime() < rule.windowMs;
  if (blocked) return state;
  if (!windowOpen || state.blockedUntil !== null) return { ...state, failures: 0, windowStartedAt: null, blockedUntil: null };
  return state;
}

/** Pure: which of the states hold this attempt back, and until when (null: it may go ahead). */
export function blockingUntil(states: Map<ThrottleKind, ThrottleState>, now: Date): Date | null {
  const pair = states.get("pair");
  const known = pair?.succeededAt != null && now.getTime() - pair.succeededAt.getTime() < KNOWN_ADDRESS_MS;
  let until: Date | null = null;
  for (const [kind, state] of states) {
    if (known && (kind === "address" || kind === "account")) continue;
    if (state.blockedUntil && state.blockedUntil > now && (!until || state.blockedUntil > until)) until = state.blockedUntil;
  }
  return until;
}

/** Pure: one more failure counted, blocking when it reaches the rule's limit. */
export function withFailure(state: ThrottleState, kind: ThrottleKind, now: Date): ThrottleState {
  const rule = THROTTLE_RULES[kind];
  const failures = state.failures + 1;
  return {
    ...state,
    failures,
    windowStartedAt: state.windowStartedAt ?? now,
    blockedUntil: failures >= rule.maxFailures ? new Date(now.getTime() + rule.blockMs) : state.blockedUntil,
  };
}

/** Pure: a success gives back the failure its reservation counted; the account-with-address pair starts over. */
export function withSuccess(state: ThrottleState, kind: ThrottleKind, now: Date): ThrottleState {
  if (kind === "pair" || kind === "password") return { failures: 0, windowStartedAt: null, blockedUntil: null, succeededAt: kind === "pair" ? now : state.succeededAt };
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, blockedUntil: failures < THROTTLE_RULES[kind].maxFailures ? null : state.blockedUntil };
}

type Rows = Map<ThrottleKind, ThrottleState>;

/**
 * Creates missing rows and locks all of them until the transaction ends: an upsert that bumps `version` takes the
 * row lock whether it inserts or updates, so the read after it sees the latest count and no other attempt can
 * change it before this one writes. Key order is fixed, so two attempts cannot deadlock.
 */
async function lockRows(tx: Tx, keys: ThrottleKey[], now: Date): Promise<Rows> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key } of sorted) {
    await tx.loginThrottle.upsert({ where: { key }, create: { key }, update: { version: { increment: 1 } }, select: { key: true } });
  }
  const found = await tx.loginThrottle.findMany({
    where: { key: { in: sorted.map((k) => k.key) } },
    select: { key: true, failures: true, windowStartedAt: true, blockedUntil: true, succeededAt: true },
  });
  const byKey = new Map(found.map((row) => [row.key, row]));
  return new Map(sorted.map((k) => {
    const row = byKey.get(k.key);
    return [k.kind, current(row ? { failures: row.failures, windowStartedAt: row.windowStartedAt, blockedUntil: row.blockedUntil, succeededAt: row.succeededAt } : EMPTY_STATE, k.kind, now)];
  }));
}

async function writeRows(tx: Tx, keys: ThrottleKey[], rows: Rows): Promise<void> {
  for (const { kind, key } of [...keys].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const state = rows.get(kind)!;
    await tx.loginThrottle.update({
      where: { key },
      data: { failures: state.failures, windowStartedAt: state.windowStartedAt, blockedUntil: state.blockedUntil, succeededAt: state.succeededAt, version: { increment: 1 } },
    });
  }
}

export type Reservation =
  | { allowed: true; keys: ThrottleKey[]; rows: Rows; blockedUntil: Date | null }
  | { allowed: false; keys: ThrottleKey[]; blockedUntil: Date };

/**
 * Counts one attempt against every key, or refuses it without counting when a block applies. `blockedUntil` on
 * an allowed attempt says whether a failure now would leave the caller blocked (the answer to give).
 */
export async function reserveAttempt(db: PrismaClient, keys: ThrottleKey[], now: Date = new Date()): Promise<Reservation> {
  return db.$transaction(async (tx) => {
    const rows = await lockRows(tx, keys, now);
    const until = blockingUntil(rows, now);
    if (until) return { allowed: false as const, keys, blockedUntil: until };
    const next: Rows = new Map([...rows].map(([kind, state]) => [kind, withFailure(state, kind, now)]));
    await writeRows(tx, keys, next);
    return { allowed: true as const, keys, rows: next, blockedUntil: blockingUntil(next, now) };
  });
}

/** After a successful check: gives the reservation back, inside the caller's transaction. */
export async function settleSuccess(tx: Tx, keys: ThrottleKey[], now: Date = new Date()): Promise<void> {
  const rows = await lockRows(tx, keys, now);
  await writeRows(tx, keys, new Map([...rows].map(([kind, state]) => [kind, withSuccess(state, kind, now)])));
}

/**
 * Rows nobody needs any more: no failure in the last day and no sign-in to remember. Called now and then (after a
 * successful sign-in), so a spray of invented usernames does not fill the table for good.
 */
export async function purgeThrottleRows(db: PrismaClient, now: Date = new Date()): Promise<number> {
  const idle = new Date(now.getTime() - 24 * 3600_000);
  const forgotten = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  const { count } = await db.loginThrottle.deleteMany({
    where: { updatedAt: { lt: idle }, OR: [{ succeededAt: null }, { succeededAt: { lt: forgotten } }] },
  });
  return count;
}
