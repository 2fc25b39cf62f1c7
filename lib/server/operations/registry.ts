import "server-only";
import type { z } from "zod";
import type { Operations } from "@/lib/operations";
import type { HandlerContext } from "./boundary";
import { API_TOKEN_IMPLEMENTATIONS } from "./bindings/api-tokens";
import { CASE_IMPLEMENTATIONS } from "./bindings/cases";
import { DOCUMENT_IMPLEMENTATIONS } from "./bindings/documents";

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
  ...DOCUMENT_IMPLEMENTATIONS,
} satisfies Implementations;

export type OperationOutput<N extends keyof Operations> = Awaited<ReturnType<(typeof IMPLEMENTATIONS)[N]>>;
