/**
 * What each document says, from the case's data (lib/server/documents/case-data.ts reads it through the case read
 * service). Form layouts follow 《医疗保障行政执法文书式样》 as cited in docs/documents.md. Pure: no I/O.
 */
import type { Block, DocumentSpec } from "./page";
import { DOCUMENT_RULES, type DocumentKind } from "./kinds";
import { formatDocumentDate } from "./layout";
import { addMoney } from "@/lib/domain/money";

export interface DocumentFinding {
  type: string;
  keyArea: string | null;
  legalBasis: string;
  description: string;
  /** Yuan, two decimals, as a string (money is never a float). */
  amount: string;
}

/** The amounts a confirmation or refund notice states (lib/server/documents/amounts.ts: one place to adapt). */
export interface DocumentAmounts {
  total: string;
  /** Lines of the breakdown, if the case records one (label, yuan). */
  lines: readonly (readonly [string, string])[];
}

export interface DocumentCaseData {
  plan: { title: string; year: number; organizationName: string; periodStart: Date; periodEnd: Date };
  institution: { name: string; nationalCode: string };
  region: string;
  cityBureauName: string | null;
  team: { name: string; leader: string | null; members: readonly string[] };
  notice: { number: string; deliveredAt: Date; recipientName: string; recipientTitle: string; deliveredBy: string } | null;
  findings: readonly DocumentFinding[];
  findingsTotal: string;
  feedbackSummary: string | null;
  handover: { receivingOrganization: string; receivedAt: Date; note: string | null } | null;
  confirmation: (DocumentAmounts & { issuedAt: Date; appealWorkingDays: number | null }) | null;
  refund: { amount: string; fundAccount: string; dueOn: Date | null; issuedAt: Date } | null;
  seizures: readonly { itemList: string; place: string; sealedAt: Date; releasedAt: Date | null }[];
  transfers: readonly { organName: string; sentAt: Date; note: string | null; finding: string | null }[];
}

/** The served document a 送达回证 answers. */
export interface ServedDocument {
  title: string;
  number: string;
  issuedOn: Date;
}

export type DocumentBody = Omit<DocumentSpec, "number" | "date" | "verificationCode">;

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const UNITS = ["", "拾", "佰", "仟"];
const GROUPS = ["", "万", "亿", "万亿"];

/** 人民币大写 (as bills and notices write an amount): 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分. */
export function amountInWords(yuan: string): string {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!match) throw new RangeError(`Not an amount: ${yuan}`);
  const integer = match[1]!.replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").padEnd(2, "0");
  let words = "";
  if (integer !== "0") {
    const groups: string[] = [];
    for (let end = integer.length; end > 0; end -= 4) groups.unshift(integer.slice(Math.max(0, end - 4), end));
    let zero = false;
    groups.forEach((group, gi) => {
      const unit = GROUPS[groups.length - 1 - gi]!;
      let part = "";
      const digits = group.padStart(4, "0");
      for (let i = 0; i < 4; i++) {
        const d = Number(digits[i]);
        if (d === 0) {
          zero = part !== "" || words !== "";
        } else {
          if (zero) part += "零";
          part += DIGITS[d]! + UNITS[3 - i]!;
          zero = false;
        }
      }
      if (part) words += part + unit;
    });
    words += "元";
  }
  const jiao = Number(fraction[0]);
  const fen = Number(fraction[1]);
  if (jiao === 0 && fen === 0) return `${words || "零元"}整`;
  if (jiao) words += `${DIGITS[jiao]}角`;
  else if (words) words += "零";
  if (fen) words += `${DIGITS[fen]}分`;
  return words;
}

const yuan = (amount: string) => `${amount}元（大写：人民币${amountInWords(amount)}）`;
const day = formatDocumentDate;
const blank = (label: string, width = 10) => `${label}：${"＿".repeat(width)}`;

function findingsTable(findings: readonly DocumentFinding[], total: string): Block {
  return {
    type: "table",
    header: ["序号", "问题类型", "问题描述", "依据", "金额（元）"],
    widths: [1.5, 3, 6, 4, 2.8],
    rows: [...findings.map((f, i) => [String(i + 1), f.type + (f.keyArea ? `（${f.keyArea}）` : ""), f.description, f.legalBasis, f.amount]), ["", "合计", "", "", total]],
  };
}

/** The notice's breakdown by finding (issue 12 §5), numbered, with the findings' total. */
function breakdownTable(lines: DocumentAmounts["lines"]): Block {
  return {
    type: "table",
    header: ["序号", "问题", "金额（元）"],
    widths: [1.5, 10.5, 3],
    rows: [...lines.map(([label, value], i) => [String(i + 1), label, value]), ["", "合计", addMoney("0.00", ...lines.map(([, value]) => value))]],
  };
}

function period(data: DocumentCaseData) {
  return `${day(data.plan.periodStart)}至${day(data.plan.periodEnd)}`;
}

type Builder = (data: DocumentCaseData, served: ServedDocument | null) => Omit<DocumentBody, "issuer" | "layout" | "title">;

const BUILDERS: Record<DocumentKind, Builder> = {
  ON_SITE_NOTICE: (data) => ({
    addressee: data.institution.name,
    blocks: [
      { type: "paragraph", text: `根据《医疗保障基金使用监督管理条例》《医疗保障基金飞行检查管理暂行办法》和《${data.plan.title}》，我局决定派出检查组，对你单位${period(data)}医疗保障基金使用情况开展飞行检查。` },
      { type: "paragraph", text: `检查组由${data.team.name}组成${data.team.leader ? `，组长${data.team.leader}` : ""}。检查人员不少于2人，并出示执法证件。` },
      { type: "paragraph", text: "请你单位按照《医疗保障基金使用监督管理条例》第二十七条的规定，积极配合检查，如实提供与医疗保障基金使用有关的资料和信息，不得拒绝、阻碍检查或者谎报、瞒报。" },
      { type: "paragraph", text: "检查人员与你单位存在利害关系的，你单位有权申请其回避。" },
      { type: "paragraph", text: "特此通知。" },
    ],
  }),
  ON_SITE_RECORD: (data) => ({
    addressee: null,
    blocks: [
      { type: "fields", rows: [["被检查单位", data.institution.name], ["机构编码", data.institution.nationalCode], ["检查时间", "　　年　　月　　日　　时　　分至　　时　　分"], ["检查地点", ""], ["检查人员", data.team.members.join("、")], ["记录人", ""], ["在场人员", "姓名：　　　　　职务："]] },
      { type: "paragraph", indent: false, text: "检查人员出示了执法证件，告知了检查依据和被检查单位的权利义务。" },
      { type: "paragraph", indent: false, text: "现场检查情况：" },
      ...Array.from({ length: 6 }, () => ({ type: "paragraph" as const, indent: false, text: "＿".repeat(27) })),
      { type: "signatures", lines: [blank("被检查单位人员签名", 5), blank("检查人员签名", 5)] },
    ],
  }),
  INTERVIEW_RECORD: (data) => ({
    addressee: null,
    blocks: [
      { type: "fields", rows: [["询问时间", "　　年　　月　　日　　时　　分至　　时　　分"], ["询问地点", ""], ["被询问人", "姓名：　　　　性别：　　年龄：　　"], ["工作单位", data.institution.name], ["职务", ""], ["询问人", data.team.members.slice(0, 2).join("、")], ["记录人", ""]] },
      { type: "paragraph", indent: false, text: "问：我们是医疗保障行政部门的执法人员（出示证件），依法就有关问题向你了解情况，你应当如实回答。你是否申请回避？" },
      { type: "paragraph", indent: false, text: "答：" },
      ...Array.from({ length: 5 }, () => ({ type: "paragraph" as const, indent: false, text: "＿".repeat(27) })),
      { type: "paragraph", indent: false, text: "以上笔录我已看过（已向我宣读），与我所说一致。" },
      { type: "signatures", lines: [blank("被询问人签名", 5), blank("询问人签名", 5)] },
    ],
  }),
  PROBLEM_RECORD: (data) => ({
    addressee: null,
    blocks: [
      { type: "fields", rows: [["被检查单位", data.institution.name], ["检查组", data.team.name], ["检查期间", period(data)]] },
      { type: "paragraph", indent: false, text: "经现场检查，发现以下问题：" },
      findingsTable(data.findings, data.findingsTotal),
      { type: "paragraph", text: "以上问题经检查组与被检查单位核对。被检查单位对所列问题有异议的，可在签字时注明，并在规定期限内提供书面说明和证据。" },
      // One signature and its date per line: the two sides do not fit one 28-character line.
      { type: "signatures", lines: [blank("检查组组长（签字）", 10), "日期：　　　　年　　月　　日", blank("被检查单位负责人（签字并盖章）", 8), "日期：　　　　年　　月　　日"] },
    ],
  }),
  SEIZURE_LIST: (data) => ({
    addressee: null,
    blocks: [
      { type: "fields", rows: [["被检查单位", data.institution.name], ["封存依据", "《医疗保障基金使用监督管理条例》第二十七条"]] },
      { type: "table", header: ["序号", "封存物品及资料", "存放地点", "封存时间", "解除封存"], widths: [1.2, 6, 3.5, 3, 3], rows: data.seizures.map((s, i) => [String(i + 1), s.itemList, s.place, day(s.sealedAt), s.releasedAt ? day(s.releasedAt) : ""]) },
      { type: "paragraph", text: "封存期间，被检查单位不得擅自启封、转移、隐匿、损毁封存的物品和资料。" },
      { type: "signatures", lines: [blank("被检查单位人员签名", 5), blank("执法人员签名", 5)] },
    ],
  }),
  FEEDBACK_REPORT: (data) => ({
    addressee: data.cityBureauName ?? `${data.region}医疗保障局`,
    blocks: [
      { type: "paragraph", text: `按照《${data.plan.title}》安排，${data.team.name}对${data.institution.name}${period(data)}医疗保障基金使用情况进行了飞行检查。现将检查情况反馈如下：` },
      { type: "heading1", text: "一、检查情况" },
      { type: "paragraph", text: data.feedbackSummary ?? "" },
      { type: "heading1", text: "二、发现的问题" },
      { type: "paragraph", text: `共发现问题${data.findings.length}项，涉及金额${yuan(data.findingsTotal)}。` },
      findingsTable(data.findings, data.findingsTotal),
      { type: "heading1", text: "三、有关要求" },
      { type: "paragraph", text: "请你局依法依规处理，在收到本报告之日起30个工作日内报送处理进展和整改情况，处理结束后5个工作日内报送书面报告。" },
    ],
  }),
  HANDOVER: (data) => ({
    addressee: data.handover?.receivingOrganization ?? data.cityBureauName ?? `${data.region}医疗保障局`,
    blocks: [
      { type: "paragraph", text: `根据《医疗保障基金飞行检查管理暂行办法》和《${data.plan.title}》，现将对${data.institution.name}飞行检查发现的问题线索及相关资料移交你局，请依法依规处理。` },
      { type: "paragraph", text: `移交问题共${data.findings.length}项，涉及金额${yuan(data.findingsTotal)}，明细见附件。` },
      { type: "paragraph", text: "请你局自收到移交资料之日起30个工作日内，报告问题处理进展和整改情况；处理结束后5个工作日内，报送处理情况书面报告。处理结果与移交结果存在较大差异的，应当作出说明。" },
      ...(data.handover?.note ? [{ type: "paragraph" as const, text: `说明：${data.handover.note}` }] : []),
      { type: "heading1", text: "附件：移交问题清单" },
      findingsTable(data.findings, data.findingsTotal),
    ],
    attachments: ["移交问题清单", "现场检查问题记录", "飞行检查反馈报告"],
  }),
  AMOUNT_CONFIRMATION: (data) => {
    const amounts = data.confirmation ?? { total: data.findingsTotal, lines: [], appealWorkingDays: null };
    return {
      addressee: data.institution.name,
      blocks: [
        { type: "paragraph", text: `根据${data.plan.organizationName}飞行检查移交的问题线索，经核查，你单位违规使用医疗保障基金金额为${yuan(amounts.total)}。` },
        ...(amounts.lines.length ? [breakdownTable(amounts.lines)] : [findingsTable(data.findings, amounts.total)]),
        { type: "paragraph", text: `请你单位在收到本通知之日起${amounts.appealWorkingDays ?? 5}个工作日内书面确认；对认定的问题或金额有异议的，可在上述期限内提出申诉并提供相关证据。逾期未确认也未申诉的，视为无异议。` },
        { type: "paragraph", text: "特此通知。" },
      ],
    };
  },
  REFUND_NOTICE: (data) => ({
    addressee: data.institution.name,
    blocks: [
      { type: "paragraph", text: `经确认，你单位违规使用医疗保障基金${yuan(data.refund?.amount ?? data.findingsTotal)}。根据《医疗保障基金使用监督管理条例》第四十五条，应退回的基金退回原基金账户。` },
      { type: "paragraph", text: `请你单位${data.refund?.dueOn ? `于${day(data.refund.dueOn)}前` : "在规定期限内"}将上述款项退回以下账户，并将缴款凭证报送我局：` },
      { type: "fields", rows: [["退回账户", data.refund?.fundAccount ?? ""], ["退回金额", `${data.refund?.amount ?? data.findingsTotal}元`]] },
      { type: "paragraph", text: "逾期不退回的，我局将依法采取扣减拨付资金等措施。" },
      { type: "paragraph", text: "特此通知。" },
    ],
  }),
  TRANSFER_LETTER: (data) => {
    const transfer = data.transfers[data.transfers.length - 1];
    return {
      addressee: transfer?.organName ?? "",
      blocks: [
        { type: "paragraph", text: `我局在对${data.institution.name}开展医疗保障基金飞行检查中，发现涉嫌违法违规问题线索${transfer?.finding ? `（${transfer.finding}）` : ""}，根据《医疗保障基金使用监督管理条例》及有关规定，现移送你单位依法处理。` },
        ...(transfer?.note ? [{ type: "paragraph" as const, text: transfer.note }] : []),
        { type: "paragraph", text: "请将处理结果及时函告我局。" },
      ],
    };
  },
  SERVICE_RECEIPT: (data, served) => ({
    addressee: null,
    blocks: [
      { type: "fields", rows: [["送达文书名称", served?.title ?? ""], ["文书文号", served?.number ?? ""], ["受送达人", data.institution.name], ["送达地点", ""], ["送达方式", "直接送达"], ["送达时间", "　　年　　月　　日　　时　　分"], ["受送达人签名（盖章）", ""], ["送达人签名", ""], ["见证人签名", ""], ["备注", ""]] },
    ],
  }),
};

/** The document of a kind, as a page spec without its number, date and code (the service adds them). */
export function documentBody(kind: DocumentKind, issuer: string, data: DocumentCaseData, served: ServedDocument | null = null): DocumentBody {
  const rule = DOCUMENT_RULES[kind];
  return { layout: rule.layout, issuer, title: rule.title, ...BUILDERS[kind](data, served) };
}
