"use client";
import { useEffect, useId, useRef, useState } from "react";

export type ComboboxOption = { id: string; label: string; detail?: string };

const CONTROL = "w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-500";

/**
 * A text box that searches on the server as one types and offers the answers as a list to choose from (the ARIA
 * combobox pattern: arrow keys move, Enter chooses, Escape closes; the count is announced). For lists too long to
 * scroll, such as the institutions of a region. Typing after a choice clears it, so what the box shows is what is
 * chosen. Waits for an input method to finish composing (拼音) before searching.
 */
export function SearchCombobox({
  label,
  required,
  error,
  hint,
  value,
  search,
  onChoose,
  messages,
  minLength = 1,
}: {
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  /** The chosen id; "" clears the box (after the form is reset). */
  value: string;
  search: (query: string) => Promise<ComboboxOption[]>;
  onChoose: (option: ComboboxOption | null) => void;
  messages: { searching: string; noMatch: string; results: (count: number) => string };
  minLength?: number;
}) {
  const inputId = useId();
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [text, setText] = useState("");
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const [chosen, setChosen] = useState<ComboboxOption | null>(null);
  const composing = useRef(false);
  const sequence = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The form was reset (value back to ""): the box follows, adjusted while rendering rather than in an effect.
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if (value === "" && chosen) {
      setChosen(null);
      setText("");
      setOptions([]);
      setStatus("");
    }
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  function query(q: string) {
    clearTimeout(timer.current);
    const trimmed = q.trim();
    if (trimmed.length < minLength) {
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    setStatus(messages.searching);
    timer.current = setTimeout(async () => {
      const mine = ++sequence.current;
      const found = await search(trimmed).catch(() => []);
      // An older, slower answer never replaces a newer one.
      if (mine !== sequence.current) return;
      setOptions(found);
      setActive(found.length > 0 ? 0 : -1);
      setOpen(true);
      setStatus(found.length === 0 ? messages.noMatch : messages.results(found.length));
    }, 250);
  }

  function choose(option: ComboboxOption) {
    setChosen(option);
    setText(option.label);
    setOpen(false);
    setStatus("");
    onChoose(option);
  }

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const activeId = open && active >= 0 && options[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={inputId} className={`text-sm font-medium text-slate-700 ${required ? "after:ml-0.5 after:text-red-600 after:content-['*']" : ""}`}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        className={CONTROL}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (chosen) {
            setChosen(null);
            onChoose(null);
          }
          if (!composing.current) query(event.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          query(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && options.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % options.length);
          } else if (event.key === "ArrowUp" && options.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
          } else if (event.key === "Enter" && open) {
            // Enter chooses from the open list; it does not submit the form around it.
            event.preventDefault();
            if (options[active]) choose(options[active]);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
        onBlur={() => setOpen(false)}
        onFocus={() => {
          if (!chosen && options.length > 0) setOpen(true);
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!open || options.length === 0} className="absolute top-full z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white py-1 text-sm shadow-lg">
        {options.map((option, i) => (
          <li
            key={option.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-900"}`}
            // Chosen on mouse down, before the box loses focus and closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {option.label}
            {option.detail ? <span className="ml-2 text-xs text-slate-500">{option.detail}</span> : null}
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="min-h-4 text-xs text-slate-500">{status}</p>
      {hint ? <p id={hintId} className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={errorId} role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
