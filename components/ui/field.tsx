import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface FieldShellProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, control, hint and error, wired for screen readers: tests find every control by its label. */
function FieldShell({ label, error, hint, required, children }: FieldShellProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      {/* The required mark is drawn by CSS, so the control's accessible name is the label alone. */}
      <label htmlFor={inputId} className={`text-sm font-medium text-slate-700 ${required ? "after:ml-0.5 after:text-red-600 after:content-['*']" : ""}`}>
        {label}
      </label>
      {children({ inputId, describedBy })}
      {hint ? <p id={hintId} className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={errorId} role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

const CONTROL = "rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-500";

export function TextField({ label, error, hint, required, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required}>
      {({ inputId, describedBy }) => <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} aria-required={required || undefined} className={CONTROL} {...input} />}
    </FieldShell>
  );
}

export function SelectField({ label, error, hint, required, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; hint?: string }) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required}>
      {({ inputId, describedBy }) => (
        <select id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} aria-required={required || undefined} className={CONTROL} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField({ label, error, hint, required, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string }) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required}>
      {({ inputId, describedBy }) => <textarea id={inputId} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} aria-required={required || undefined} className={CONTROL} {...textarea} />}
    </FieldShell>
  );
}

/** A checkbox with its label on the right, as forms in Chinese government systems set it. */
export function CheckboxField({ label, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  const inputId = useId();
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input id={inputId} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="h-4 w-4 rounded border-slate-300" {...input} />
        <label htmlFor={inputId} className="text-sm text-slate-700">{label}</label>
      </div>
      {hint ? <p id={`${inputId}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={`${inputId}-error`} role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
