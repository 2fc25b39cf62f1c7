/**
 * Consistent-sampling tickets (R. L. Rivest, github.com/ron-rivest/consistent_sampler,
 * code/consistent_sampler.py). Every candidate of a draw gets a ticket, a decimal fraction
 * in (0, 1) derived from the draw's seed and the candidate's id; candidates are drawn in
 * increasing ticket order. Tickets must equal the reference's character for character, so
 * anyone can recompute a published draw with the reference code (DOMAIN.md, "一公开").
 */
import { sha256Hex } from "@/lib/domain/crypto/sha256";

export type TicketErrorCode = "INVALID_TICKET" | "DUPLICATE_ID";

export class TicketError extends Error {
  readonly code: TicketErrorCode;

  constructor(code: TicketErrorCode, message: string) {
    super(message);
    this.name = "TicketError";
    this.code = code;
  }
}

export type TicketedItem<T> = { item: T; id: string; ticket: string };

const TICKET_FORMAT = /^0\.[0-9]+$/;

function requireTicket(ticket: string): void {
  if (typeof ticket !== "string" || !TICKET_FORMAT.test(ticket)) {
    throw new TicketError("INVALID_TICKET", `Not a ticket ("0." followed by digits): ${JSON.stringify(ticket)}`);
  }
}

/**
 * The reference's sha256_uniform: the digest as a decimal integer, zero-padded to at least
 * 64 digits, digits reversed (the low-order digits are the unbiased ones), behind "0.".
 */
function uniformFraction(text: string): string {
  const decimal = BigInt(`0x${sha256Hex(text)}`).toString(10).padStart(64, "0");
  return `0.${decimal.split("").reverse().join("")}`;
}

function ticketFromSeedHash(seedHash: string, id: string): string {
  return uniformFraction(seedHash + id);
}

/** Generation-1 ticket of `id` under `seed`: the reference's first_fraction(id, seed). */
export function firstTicket(seed: string, id: string): string {
  return ticketFromSeedHash(sha256Hex(seed), id);
}

/**
 * The next, strictly larger ticket of the same candidate, for sampling with replacement:
 * the reference's next_fraction. Keeps the leading run of 9s and replaces the rest with
 * fresh hash digits (counter mode) until the result is larger.
 */
export function nextTicket(ticket: string): string {
  requireTicket(ticket);
  const padded = `${ticket}0`; // in case every digit of the ticket is a 9
  let prefixLength = 2;
  while (padded[prefixLength] === "9") prefixLength++;
  const prefix = padded.slice(0, prefixLength);
  // The reference compares with Python's string order; JavaScript's is the same on ASCII digits.
  for (let counter = 1; ; counter++) {
    const candidate = prefix + uniformFraction(`${ticket}:${counter}`).slice(2);
    if (candidate > padded) return candidate;
  }
}

/**
 * Numeric order of two tickets: negative, zero or positive. Tickets have different lengths,
 * and trailing zeros do not change the value ("0.1" equals "0.10"), so plain string order
 * would be wrong there.
 */
export function compareTickets(a: string, b: string): number {
  requireTicket(a);
  requireTicket(b);
  const digitsA = a.slice(2).replace(/0+$/, "");
  const digitsB = b.slice(2).replace(/0+$/, "");
  // With trailing zeros gone, a proper prefix is the smaller number: the longer string has a
  // non-zero digit after it.
  if (digitsA === digitsB) return 0;
  return digitsA < digitsB ? -1 : 1;
}

/**
 * Every item with its generation-1 ticket, in increasing ticket order. Ids must be distinct
 * (the reference asserts the same); equal tickets cannot happen in practice but are ordered
 * by id so the result never depends on the input order.
 */
export function sortByTicket<T>(
  items: readonly T[],
  seed: string,
  idOf: (item: T) => string,
): TicketedItem<T>[] {
  const seedHash = sha256Hex(seed);
  const seen = new Set<string>();
  const ticketed = items.map((item) => {
    const id = idOf(item);
    if (seen.has(id)) {
      throw new TicketError("DUPLICATE_ID", `Two candidates share the id ${JSON.stringify(id)}`);
    }
    seen.add(id);
    return { item, id, ticket: ticketFromSeedHash(seedHash, id) };
  });
  return ticketed.sort(
    (x, y) => compareTickets(x.ticket, y.ticket) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}
