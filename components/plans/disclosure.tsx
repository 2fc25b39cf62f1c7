"use client";
import { useId, useState, type ReactNode } from "react";

/**
 * A section the clerk opens when needed (the basic-information form under its summary). Its state lives in the
 * browser, so the page refreshing after a save never folds the form away under the clerk's hands.
 */
export function Disclosure({ label, initiallyOpen, children }: { label: string; initiallyOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} className="text-sm font-semibold text-brand-700 hover:underline">
        {open ? "▾" : "▸"} {label}
      </button>
      <div id={id} hidden={!open} className="mt-4">{children}</div>
    </div>
  );
}
