import enDraw from "./messages/en/draw.json";
import enPlatform from "./messages/en/platform.json";
import enWorkflow from "./messages/en/workflow.json";
import zhDraw from "./messages/zh-CN/draw.json";
import zhPlatform from "./messages/zh-CN/platform.json";
import zhWorkflow from "./messages/zh-CN/workflow.json";
import type { AppLocale } from "./config";

/**
 * Each feature keeps its messages in its own file per language (messages/<locale>/<feature>.json), with
 * top-level namespaces no other file uses; they are merged here. tests/unit/i18n-catalogs.test.ts checks
 * that both languages have the same keys and placeholders.
 */
const zhCN = { ...zhPlatform, ...zhWorkflow, ...zhDraw };
const en = { ...enPlatform, ...enWorkflow, ...enDraw };

export type Messages = typeof zhCN;

export const CATALOGS: Record<AppLocale, Messages> = { "zh-CN": zhCN, en };
