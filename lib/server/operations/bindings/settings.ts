import "server-only";
import { getHandlingSettings, updateHandlingSettings } from "@/lib/server/settings/handling-settings";
import type { TUpdateHandlingSettingsInput } from "@/lib/validation/cases";
import type { HandlerContext } from "../boundary";

export const SETTINGS_IMPLEMENTATIONS = {
  "settings.getHandling": async (ctx: HandlerContext<Record<string, never>>) => getHandlingSettings(ctx.db),
  "settings.updateHandling": async (ctx: HandlerContext<TUpdateHandlingSettingsInput>) => updateHandlingSettings(ctx.db, ctx.actor, ctx.input, ctx.context),
};
