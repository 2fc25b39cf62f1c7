import enApi from "./messages/en/api.json";
import enCalendar from "./messages/en/calendar.json";
import enCaseRecord from "./messages/en/case-record.json";
import enCases from "./messages/en/cases.json";
import enDocuments from "./messages/en/documents.json";
import enDraw from "./messages/en/draw.json";
import enMasterData from "./messages/en/master-data.json";
import enPlans from "./messages/en/plans.json";
import enPlatform from "./messages/en/platform.json";
import enPublication from "./messages/en/publication.json";
import enStatistics from "./messages/en/statistics.json";
import enWorkflow from "./messages/en/workflow.json";
import zhApi from "./messages/zh-CN/api.json";
import zhCalendar from "./messages/zh-CN/calendar.json";
import zhCaseRecord from "./messages/zh-CN/case-record.json";
import zhCases from "./messages/zh-CN/cases.json";
import zhDocuments from "./messages/zh-CN/documents.json";
import zhDraw from "./messages/zh-CN/draw.json";
import zhMasterData from "./messages/zh-CN/master-data.json";
import zhPlans from "./messages/zh-CN/plans.json";
import zhPlatform from "./messages/zh-CN/platform.json";
import zhPublication from "./messages/zh-CN/publication.json";
import zhStatistics from "./messages/zh-CN/statistics.json";
import zhWorkflow from "./messages/zh-CN/workflow.json";
import type { AppLocale } from "./config";

/**
 * Each feature keeps its messages in its own file per language (messages/<locale>/<feature>.json), with
 * top-level namespaces no other file uses; they are merged here. tests/unit/i18n-catalogs.test.ts checks
 * that both languages have the same keys and placeholders.
 */
const zhCN = { ...zhPlatform, ...zhPlans, ...zhCases, ...zhCalendar, ...zhWorkflow, ...zhDraw, ...zhMasterData, ...zhCaseRecord, ...zhApi, ...zhDocuments, ...zhPublication, ...zhStatistics };
const en = { ...enPlatform, ...enPlans, ...enCases, ...enCalendar, ...enWorkflow, ...enDraw, ...enMasterData, ...enCaseRecord, ...enApi, ...enDocuments, ...enPublication, ...enStatistics };

export type Messages = typeof zhCN;

export const CATALOGS: Record<AppLocale, Messages> = { "zh-CN": zhCN, en };
