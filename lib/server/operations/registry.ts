import "server-only";
import type { z } from "zod";
import type { Operations } from "@/lib/operations";
import type { HandlerContext } from "./boundary";
import { ADMIN_IMPLEMENTATIONS } from "./bindings/admin";
import { API_TOKEN_IMPLEMENTATIONS } from "./bindings/api-tokens";
import { CASE_IMPLEMENTATIONS } from "./bindings/cases";
import { MASTER_DATA_IMPLEMENTATIONS } from "./bindings/master-data";
import { PLAN_IMPLEMENTATIONS } from "./bindings/plans";
import { READ_IMPLEMENTATIONS } from "./bindings/reads";
import { SETTINGS_IMPLEMENTATIONS } from "./bindings/settings";
import { DOCUMENT_IMPLEMENTATIONS } from "./bindings/documents";
import { PUBLICATION_IMPLEMENTATIONS } from "./bindings/publication";
import { STATISTICS_IMPLEMENTATIONS } from "./bindings/statistics";

/** A service bound to an operation: it receives the parsed input and the established actor. */
export type Handler<N extends keyof Operations> = (ctx: HandlerContext<z.output<Operations[N]["input"]>>) => Promise<unknown>;

export type Implementations = { [N in keyof Operations]: Handler<N> };

/**
 * Every operation's service. The mapped type makes a registry entry without its service (or a service
 * without its entry) a type error, so the registry and the server cannot drift apart.
 */
export const IMPLEMENTATIONS = {
  ...CASE_IMPLEMENTATIONS,
  ...API_TOKEN_IMPLEMENTATIONS,
  ...ADMIN_IMPLEMENTATIONS,
  ...MASTER_DATA_IMPLEMENTATIONS,
  ...PLAN_IMPLEMENTATIONS,
  ...READ_IMPLEMENTATIONS,
  ...SETTINGS_IMPLEMENTATIONS,
  ...DOCUMENT_IMPLEMENTATIONS,
  ...PUBLICATION_IMPLEMENTATIONS,
  ...STATISTICS_IMPLEMENTATIONS,
} satisfies Implementations;

export type OperationOutput<N extends keyof Operations> = Awaited<ReturnType<(typeof IMPLEMENTATIONS)[N]>>;
