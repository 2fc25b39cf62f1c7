import { createHash } from "node:crypto";

/**
 * The text each team member signs before the visit (Liuzhou plan §五(七); 暂行办法 art. 9: confidentiality,
 * recusal, integrity). Its SHA-256 is stored with the signature, so the wording signed can be proven later.
 */
export const COMMITMENT_LETTER_TEXT = [
  "医疗保障基金飞行检查承诺书",
  "本人自愿参加本次医疗保障基金飞行检查工作，郑重承诺：",
  "一、严格遵守工作纪律和保密规定，检查前不泄露检查对象、检查时间等信息，检查中获取的信息仅用于医疗保障基金监管；",
  "二、与被检查对象存在利害关系或其他可能影响公正检查情形的，主动申请回避；",
  "三、廉洁自律，不接受被检查对象的宴请、礼品、礼金，不参加可能影响公正执行公务的活动；",
  "四、依法依规、客观公正开展检查，如实记录检查发现的问题。",
  "如有违反，愿承担相应责任。",
].join("\n");

export const COMMITMENT_LETTER_SHA256 = createHash("sha256").update(COMMITMENT_LETTER_TEXT, "utf8").digest("hex");
