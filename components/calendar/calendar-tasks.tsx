import Link from "next/link";
import { Card } from "@/components/ui/layout";
import type { Translate } from "@/lib/i18n/translator";

/**
 * The administrator's calendar to-dos (lib/server/calendar-admin.ts listCalendarTasks): each year to enter,
 * with the cases whose deadlines wait for it. Shown on the bureau's home and the calendar page.
 */
export function CalendarTasks({ tasks, t, className = "", link = false }: { tasks: { year: number; waitingCases: number }[]; t: Translate; className?: string; link?: boolean }) {
  if (tasks.length === 0) return null;
  return (
    <Card title={t("calendar.todoTitle")} className={className}>
      <ul className="flex flex-col gap-2 text-sm" data-testid="calendar-tasks">
        {tasks.map((task) => (
          <li key={task.year} className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            <span>{task.waitingCases > 0 ? t("calendar.todoEnterYear", { year: task.year, count: task.waitingCases }) : t("calendar.todoEnterYearNone", { year: task.year })}</span>
            {link ? <Link href="/bureau/calendar" className="font-medium text-brand-700 hover:underline">{t("calendar.todoOpen")}</Link> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
