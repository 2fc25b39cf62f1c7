// Redaction of what the bureau publishes (issue 17 §4; 个人信息保护法 art. 28: health data and ID numbers are
// sensitive personal information). A published result names the institution, never a patient or a member of
// staff: every text written for the public passes through here before it is stored, and the preview shows the
// stored text, so what the approver approves is what the public reads.

/** Resident ID numbers (GB 11643: 18 characters, the last a digit or X; the older 15 digits). */
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** Mobile numbers (11 digits from 13x to 19x, optionally +86 and spaced or hyphenated) and landlines with an area code. */
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)/g;

export const REDACTED_ID_NUMBER = "[身份证号已隐去]";
export const REDACTED_PHONE = "[电话号码已隐去]";

/** 张三 → 张某, 欧阳明 → 欧某 (the form a 通报 uses); a compound surname is not guessed. */
export function maskName(name: string): string {
  return `${Array.from(name)[0] ?? ""}某`;
}

export type Redaction = { text: string; replaced: number };

/**
 * The text with ID numbers, phone numbers and the given names of people replaced. `names` are the people the
 * system knows (users, experts, the case's staff); a name of one character is ignored (it would hit any text).
 */
export function redact(text: string, names: readonly string[]): Redaction {
  let replaced = 0;
  const count = (replacement: string) => () => {
    replaced += 1;
    return replacement;
  };
  let out = text.replace(ID_NUMBER, count(REDACTED_ID_NUMBER)).replace(MOBILE, count(REDACTED_PHONE)).replace(LANDLINE, count(REDACTED_PHONE));
  const usable = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of usable) {
    if (!out.includes(name)) continue;
    const masked = maskName(name);
    out = out.split(name).join(masked);
    replaced += 1;
  }
  return { text: out, replaced };
}
