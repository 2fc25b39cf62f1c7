/**
 * The bureau's own .docx templates (issue 15 §6): the placeholders each document kind offers, the check of an
 * uploaded template (docxtemplater's inspection: every tag must be one of its kind's, by name), and the rendering
 * of a template with a case's data. docs/documents.md lists the placeholders. Pure: bytes in, bytes out.
 */
import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import { amountInWords, type DocumentCaseData, type ServedDocument } from "./content";
import { DOCUMENT_RULES, type DocumentKind } from "./kinds";
import { formatDocumentDate } from "./layout";

/** A placeholder of a kind: a value (`{name}`), or a list repeated with `{#name}…{/name}` and its own fields. */
export interface Placeholder {
  name: string;
  /** What it is filled with, as docs/documents.md says it (Chinese: the bureau's staff read it). */
  description: string;
  fields?: readonly { name: string; description: string }[];
}

const value = (name: string, description: string): Placeholder => ({ name, description });

const COMMON: readonly Placeholder[] = [
  value("issuer", "发文机关全称"),
  value("number", "文号，如 吉医保飞检〔2024〕3号"),
  value("date", "成文日期，如 2024年3月5日"),
  value("verificationCode", "核验码 XXXX-XXXX（/documents/verify 可查）"),
  value("title", "文书名称"),
  value("institutionName", "被检查单位名称"),
  value("institutionCode", "被检查单位医保编码"),
  value("region", "被检地统筹区"),
  value("planTitle", "检查方案名称"),
  value("planYear", "方案年度"),
  value("period", "检查期间，如 2022年1月1日至2023年12月31日"),
  value("teamName", "检查组名称"),
  value("teamLeader", "检查组组长"),
  value("teamMembers", "检查组成员，以顿号分隔"),
  value("cityBureau", "被检地医保部门"),
];

const FINDINGS: readonly Placeholder[] = [
  {
    name: "findings",
    description: "问题清单（逐条重复）",
    fields: [
      { name: "index", description: "序号" },
      { name: "type", description: "问题类型" },
      { name: "keyArea", description: "重点领域" },
      { name: "description", description: "问题描述" },
      { name: "legalBasis", description: "依据" },
      { name: "amount", description: "金额（元）" },
    ],
  },
  value("findingsCount", "问题项数"),
  value("findingsTotal", "问题金额合计（元）"),
  value("findingsTotalInWords", "问题金额合计大写"),
];

/** Only the placeholders each kind's data carries; a template that names another is refused by that name. */
const KIND_PLACEHOLDERS: Record<DocumentKind, readonly Placeholder[]> = {
  ON_SITE_NOTICE: [],
  ON_SITE_RECORD: [],
  INTERVIEW_RECORD: [],
  PROBLEM_RECORD: FINDINGS,
  SEIZURE_LIST: [
    {
      name: "seizures",
      description: "封存物品（逐条重复）",
      fields: [
        { name: "index", description: "序号" },
        { name: "items", description: "封存物品及资料" },
        { name: "place", description: "存放地点" },
        { name: "sealedOn", description: "封存日期" },
        { name: "releasedOn", description: "解除封存日期" },
      ],
    },
  ],
  FEEDBACK_REPORT: [...FINDINGS, value("feedbackSummary", "检查情况")],
  HANDOVER: [...FINDINGS, value("receivingOrganization", "接收单位"), value("handoverNote", "移交说明")],
  AMOUNT_CONFIRMATION: [...FINDINGS, value("confirmedTotal", "确认金额（元）"), value("confirmedTotalInWords", "确认金额大写"), value("appealWorkingDays", "申诉期限（工作日）")],
  REFUND_NOTICE: [value("refundAmount", "清退金额（元）"), value("refundAmountInWords", "清退金额大写"), value("fundAccount", "退回账户"), value("dueOn", "退回期限")],
  TRANSFER_LETTER: [value("transferOrgan", "移送机关"), value("transferFinding", "移送问题"), value("transferNote", "移送说明")],
  SERVICE_RECEIPT: [value("servedTitle", "送达文书名称"), value("servedNumber", "送达文书文号")],
};

/** A template without these could not be checked against the record (the number and the code printed on it). */
export const REQUIRED_PLACEHOLDERS = ["number", "verificationCode"] as const;

export function placeholdersOf(kind: DocumentKind): readonly Placeholder[] {
  return [...COMMON, ...KIND_PLACEHOLDERS[kind]];
}

export type TemplateCheck =
  | { ok: true; placeholders: string[] }
  | { ok: false; problem: "unreadable" }
  | { ok: false; problem: "unknown"; names: string[] }
  | { ok: false; problem: "missing"; names: string[] };

function compile(bytes: Uint8Array, modules: object[] = []): Docxtemplater {
  return new Docxtemplater(new PizZip(bytes), { paragraphLoop: true, linebreaks: true, modules, nullGetter: () => "", errorLogging: false });
}

/**
 * Checks an uploaded template for a kind: it must open as a .docx with well-formed tags, name no placeholder the
 * kind does not offer (each unknown one named, `findings.amountX` for a field of a list), and carry the number and
 * the verification code. Returns the placeholders it uses, sorted.
 */
export function checkTemplate(kind: DocumentKind, bytes: Uint8Array): TemplateCheck {
  const inspect = new InspectModule();
  try {
    compile(bytes, [inspect]);
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const tags = inspect.getAllTags() as Record<string, Record<string, unknown>>;
  const offered = new Map(placeholdersOf(kind).map((p) => [p.name, p]));
  const unknown: string[] = [];
  const used: string[] = [];
  for (const [name, inner] of Object.entries(tags)) {
    const placeholder = offered.get(name);
    if (!placeholder) {
      unknown.push(name);
      continue;
    }
    used.push(name);
    const fields = new Set((placeholder.fields ?? []).map((f) => f.name));
    for (const field of Object.keys(inner ?? {})) {
      // Inside a list, its own fields; the document's values may be used there too.
      if (fields.has(field) || offered.has(field)) continue;
      unknown.push(`${name}.${field}`);
    }
  }
  if (unknown.length > 0) return { ok: false, problem: "unknown", names: unknown.sort() };
  const missing = REQUIRED_PLACEHOLDERS.filter((name) => !used.includes(name));
  if (missing.length > 0) return { ok: false, problem: "missing", names: [...missing] };
  return { ok: true, placeholders: used.sort() };
}

export interface TemplateStamp {
  number: string;
  date: string;
  verificationCode: string;
}

/** The values of every placeholder of a kind, from the case's data as the document service reads it. */
export function templateData(kind: DocumentKind, issuer: string, data: DocumentCaseData, served: ServedDocument | null, stamp: TemplateStamp): Record<string, unknown> {
  const day = formatDocumentDate;
  const transfer = data.transfers[data.transfers.length - 1];
  const confirmed = data.confirmation?.total ?? data.findingsTotal;
  const refund = data.refund?.amount ?? data.findingsTotal;
  return {
    issuer,
    ...stamp,
    title: DOCUMENT_RULES[kind].title,
    institutionName: data.institution.name,
    institutionCode: data.institution.nationalCode,
    region: data.region,
    planTitle: data.plan.title,
    planYear: String(data.plan.year),
    period: `${day(data.plan.periodStart)}至${day(data.plan.periodEnd)}`,
    teamName: data.team.name,
    teamLeader: data.team.leader ?? "",
    teamMembers: data.team.members.join("、"),
    cityBureau: data.cityBureauName ?? "",
    findings: data.findings.map((f, i) => ({ index: String(i + 1), type: f.type, keyArea: f.keyArea ?? "", description: f.description, legalBasis: f.legalBasis, amount: f.amount })),
    findingsCount: String(data.findings.length),
    findingsTotal: data.findingsTotal,
    findingsTotalInWords: amountInWords(data.findingsTotal),
    seizures: data.seizures.map((s, i) => ({ index: String(i + 1), items: s.itemList, place: s.place, sealedOn: day(s.sealedAt), releasedOn: s.releasedAt ? day(s.releasedAt) : "" })),
    feedbackSummary: data.feedbackSummary ?? "",
    receivingOrganization: data.handover?.receivingOrganization ?? data.cityBureauName ?? "",
    handoverNote: data.handover?.note ?? "",
    confirmedTotal: confirmed,
    confirmedTotalInWords: amountInWords(confirmed),
    appealWorkingDays: String(data.confirmation?.appealWorkingDays ?? 5),
    refundAmount: refund,
    refundAmountInWords: amountInWords(refund),
    fundAccount: data.refund?.fundAccount ?? "",
    dueOn: data.refund?.dueOn ? day(data.refund.dueOn) : "",
    transferOrgan: transfer?.organName ?? "",
    transferFinding: transfer?.finding ?? "",
    transferNote: transfer?.note ?? "",
    servedTitle: served?.title ?? "",
    servedNumber: served?.number ?? "",
  };
}

/** The template filled in: a .docx. */
export function renderTemplate(bytes: Uint8Array, values: Record<string, unknown>): Buffer {
  const doc = compile(bytes);
  doc.render(values);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}
