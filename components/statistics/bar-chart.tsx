"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartBar {
  label: string;
  value: number;
  /** The case list of what this bar counts. */
  href: string;
}

const COLORS = ["#1d4ed8", "#2563eb", "#3b82f6", "#60a5fa", "#0e7490", "#0891b2", "#06b6d4", "#0d9488", "#059669", "#16a34a", "#65a30d", "#475569"];

/**
 * A horizontal bar chart (recharts, docs/decisions/026): one bar per row, its value printed at its end, a
 * click on a bar opens the cases behind it. Decorative for assistive technology: the table beside it (in the
 * page, with the same figures and links) is what a screen reader reads, so the SVG is aria-hidden.
 */
export function DashboardBarChart({ bars, color, stacked }: { bars: ChartBar[]; color?: string; stacked?: boolean }) {
  const router = useRouter();
  const height = Math.max(80, bars.length * 30 + 20);
  return (
    <div aria-hidden="true" style={{ width: "100%", height }} data-testid="dashboard-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
          <YAxis type="category" dataKey="label" width={stacked ? 180 : 120} tick={{ fontSize: 12, fill: "#334155" }} interval={0} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="value" isAnimationActive={false} cursor="pointer" onClick={(_, index) => router.push(bars[index]!.href)}>
            {bars.map((bar, index) => (
              <Cell key={bar.label} fill={color ?? COLORS[index % COLORS.length]} />
            ))}
            <LabelList dataKey="value" position="right" style={{ fontSize: 12, fill: "#0f172a" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
