import "server-only";
import { changePassword, setLocale } from "@/lib/server/account";
import { confirmCalendarYear, setCalendarOverride } from "@/lib/server/calendar-admin";
import { createOrganization, deactivateOrganization } from "@/lib/server/organizations/organizations";
import { createUser, deactivateUser } from "@/lib/server/users/users";
import type { TCreateOrganizationInput, TCreateUserInput, TDeactivateInput, TSetLocaleInput } from "@/lib/validation/admin";
import type { TChangePasswordInput } from "@/lib/validation/auth";
import type { TCalendarOverrideInput, TCalendarYearInput } from "@/lib/validation/calendar";
import type { HandlerContext } from "../boundary";

/** The account, calendar, organization and user operations: each answers the id of what it made, or nothing. */
export const ADMIN_IMPLEMENTATIONS = {
  "account.changePassword": async ({ db, actor, input, context, now }: HandlerContext<TChangePasswordInput>) => {
    await changePassword(db, actor, input, context, now);
  },
  "account.setLocale": ({ db, actor, input, context }: HandlerContext<TSetLocaleInput>) => setLocale(db, actor, input.locale, context),
  "calendar.override": async ({ db, actor, input, context }: HandlerContext<TCalendarOverrideInput>) => ({ id: (await setCalendarOverride(db, actor, input, context)).id }),
  "calendar.confirmYear": async ({ db, actor, input, context }: HandlerContext<TCalendarYearInput>) => ({ id: (await confirmCalendarYear(db, actor, input, context)).id }),
  "organization.create": async ({ db, actor, input, context }: HandlerContext<TCreateOrganizationInput>) => ({ id: (await createOrganization(db, actor, input, context)).id }),
  "organization.deactivate": async ({ db, actor, input, context }: HandlerContext<TDeactivateInput>) => {
    await deactivateOrganization(db, actor, input, context);
  },
  "user.create": async ({ db, actor, input, context }: HandlerContext<TCreateUserInput>) => ({ id: (await createUser(db, actor, input, context)).id }),
  "user.deactivate": async ({ db, actor, input, context }: HandlerContext<TDeactivateInput>) => {
    await deactivateUser(db, actor, input, context);
  },
};
