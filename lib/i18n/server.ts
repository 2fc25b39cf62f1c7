import "server-only";
import { getLocale } from "@/lib/server/auth/session";
import { translator, type Translate } from "./translator";

/** The current user's translator, for Server Components and server actions. */
export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}
