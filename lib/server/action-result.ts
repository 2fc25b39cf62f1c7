/** What every server action returns: data, or messages already in the user's language. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; reference?: string };
