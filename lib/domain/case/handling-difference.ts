/**
 * Jilin plan §四(三): "处理结果与检查组移交结果存在较大差异的，要书面说明情况". How large is large is the
 * bureau's setting (HandlingSettings): more than `percent` of the handed-over amount, or more than `amount`
 * yuan, either way. Exact, in cents: the percentage is compared as difference × 100 > percent × handed-over.
 */
import { moneyFromCents, parseMoney } from "@/lib/domain/money";

export interface DifferenceThreshold {
  /** A percentage with at most two decimals, as a decimal string ("10", "12.5"). */
  percent: string;
  /** Yuan, as a money string ("10000.00"). */
  amount: string;
}

export const DEFAULT_DIFFERENCE_THRESHOLD: DifferenceThreshold = { percent: "10.00", amount: "10000.00" };

export interface HandlingDifference {
  /** |handled − handed over|, as money. */
  difference: string;
  /** The handled amount is above (MORE), below (LESS) or equal to the handed-over one. */
  direction: "MORE" | "LESS" | "SAME";
  /** Beyond the threshold: a written explanation is required. */
  large: boolean;
}

export function handlingDifference(handedOver: string, handled: string, threshold: DifferenceThreshold = DEFAULT_DIFFERENCE_THRESHOLD): HandlingDifference {
  const base = parseMoney(handedOver);
  const result = parseMoney(handled);
  const cents = result > base ? result - base : base - result;
  // percent has at most two decimals: compare difference × 100 × 100 with percent × 100 × base.
  const percentHundredths = parseMoney(threshold.percent);
  const largeByShare = cents * 10_000n > percentHundredths * base;
  const largeByAmount = cents > parseMoney(threshold.amount);
  return { difference: moneyFromCents(cents), direction: result > base ? "MORE" : result < base ? "LESS" : "SAME", large: cents > 0n && (largeByShare || largeByAmount) };
}
