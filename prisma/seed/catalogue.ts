/**
 * The violation catalogue (负面清单) and key areas the bureau starts from; both stay editable. Types follow
 * 条例 (国务院令第735号) arts. 38 and 40; key areas are those of the Jilin 2024 plan §二(一).
 */
export const VIOLATION_TYPES = [
  { code: "V01", name: "重复收费", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V02", name: "超标准收费", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V03", name: "分解项目收费", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V04", name: "串换药品、医用耗材、诊疗项目和服务设施", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V05", name: "分解住院、挂床住院", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V06", name: "违反诊疗规范过度诊疗、过度检查", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V07", name: "将不属于医保基金支付范围的费用纳入结算", legalBasis: "《医疗保障基金使用监督管理条例》第三十八条" },
  { code: "V08", name: "虚构医药服务项目、伪造医疗文书骗取医保基金", legalBasis: "《医疗保障基金使用监督管理条例》第四十条" },
  { code: "V09", name: "虚假购药、盗刷医保凭证", legalBasis: "《医疗保障基金使用监督管理条例》第四十条" },
] as const;

export const KEY_AREAS = [
  { code: "K01", name: "重症医学" },
  { code: "K02", name: "麻醉" },
  { code: "K03", name: "肺部肿瘤" },
  { code: "K04", name: "心血管内科" },
  { code: "K05", name: "骨科" },
  { code: "K06", name: "血液净化" },
  { code: "K07", name: "康复" },
  { code: "K08", name: "医学影像" },
  { code: "K09", name: "临床检验" },
  { code: "K10", name: "集采中选结果执行" },
] as const;
