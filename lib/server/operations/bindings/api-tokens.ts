import "server-only";
import { issueApiToken, listApiTokens, revokeApiToken } from "@/lib/server/api-tokens/tokens";
import type { TIssueApiTokenInput, TRevokeApiTokenInput } from "@/lib/validation/api-tokens";
import type { HandlerContext } from "../boundary";

export const API_TOKEN_IMPLEMENTATIONS = {
  "apiToken.list": async (ctx: HandlerContext<Record<string, never>>) => listApiTokens(ctx.db, ctx.actor),
  "apiToken.issue": async (ctx: HandlerContext<TIssueApiTokenInput>) => issueApiToken(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "apiToken.revoke": async (ctx: HandlerContext<TRevokeApiTokenInput>) => revokeApiToken(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
};
