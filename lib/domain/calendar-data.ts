/**
 * The State Council holiday arrangements (国务院办公厅 部分节假日安排) as published in the
 * `chinese-days` package. This file is the only place that knows the package's layout.
 *
 * We read the package's JSON data rather than calling its `isWorkday`: the JSON is plain
 * data, bundles for the browser and Node alike, and tells us which years it covers. Its
 * functions answer by weekday alone for a year they do not know, and parse date strings
 * through local time.
 */
import chineseDays from "chinese-days/dist/chinese-days.json";

type DayTable = Readonly<Record<string, string>>;

const data = chineseDays as { holidays: DayTable; workdays: DayTable };

/** ISO date → working? Days off (holidays, including weekend days inside them) and make-up working days (调休). */
export const PUBLISHED_DAYS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ...Object.keys(data.holidays).map((date) => [date, false] as const),
  // A make-up working day wins over a holiday, as in the package itself.
  ...Object.keys(data.workdays).map((date) => [date, true] as const),
]);

/** Years whose arrangement the package carries: every year it lists any holiday for. */
export const PUBLISHED_YEARS: readonly number[] = [
  ...new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4)))),
].sort((a, b) => a - b);
