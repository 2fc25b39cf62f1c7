import "server-only";
import { DomainError } from "@/lib/server/errors";
import { approvePublication, listPublicationsForBureau, proposePublication, withdrawPublication } from "@/lib/server/publication/publications";
import { getPublicResult, listPublicResults } from "@/lib/server/publication/public";
import { getPublicationSettingsForBureau, updatePublicationSettings } from "@/lib/server/publication/settings";
import type { TApprovePublicationInput, TProposePublicationInput, TPublicResultInput, TPublicResultsQuery, TUpdatePublicationSettingsInput, TWithdrawPublicationInput } from "@/lib/validation/publication";
import type { HandlerContext } from "../boundary";

export const PUBLICATION_IMPLEMENTATIONS = {
  "publication.list": async (ctx: HandlerContext<Record<string, never>>) => listPublicationsForBureau(ctx.db, ctx.actor),
  "publication.propose": async (ctx: HandlerContext<TProposePublicationInput>) => proposePublication(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "publication.approve": async (ctx: HandlerContext<TApprovePublicationInput>) => approvePublication(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "publication.withdraw": async (ctx: HandlerContext<TWithdrawPublicationInput>) => withdrawPublication(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "publication.getSettings": async (ctx: HandlerContext<Record<string, never>>) => getPublicationSettingsForBureau(ctx.db, ctx.actor),
  "publication.updateSettings": async (ctx: HandlerContext<TUpdatePublicationSettingsInput>) => updatePublicationSettings(ctx.db, ctx.actor, ctx.input, ctx.context),
  "publication.publicList": async (ctx: HandlerContext<TPublicResultsQuery>) => listPublicResults(ctx.db, ctx.input),
  "publication.publicGet": async (ctx: HandlerContext<TPublicResultInput>) => {
    const found = await getPublicResult(ctx.db, ctx.input.publicationId);
    if (!found) throw new DomainError("NOT_FOUND");
    return found;
  },
};
