"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The sections of master data as tabs; the current one is marked for screen readers too. */
export function SectionNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px rounded-t border px-3 py-2 text-sm ${current ? "border-slate-200 border-b-white bg-white font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-brand-700"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
