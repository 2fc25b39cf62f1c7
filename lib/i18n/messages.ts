import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import type { AppLocale } from "./config";

export type Messages = typeof zhCN;

export const CATALOGS: Record<AppLocale, Messages> = { "zh-CN": zhCN, en };
