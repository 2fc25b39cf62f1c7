/**
 * Word pools for plausible but clearly fictional names. Every generated institution name ends in （演示）,
 * like the rest of the demo data, so a screenshot is never taken for a real institution.
 */
export const PLACES = [
  "青松", "明湖", "白桦", "安平", "永康", "丰泽", "东岭", "西苑", "南屏", "北辰", "松涛", "和顺", "嘉禾", "瑞祥", "兴隆",
  "长青", "福源", "泰和", "宏远", "翠园", "清河", "云杉", "金桥", "银杏", "柳岸", "枫林", "梧桐", "春晖", "晨光", "锦华",
  "德润", "怡和", "康宁", "仁济", "华新", "恒安", "广源", "新民", "红旗", "胜利", "友谊", "团结", "光明", "建设", "文化",
  "育才", "民康", "天润", "鸿运", "景阳",
] as const;

export const TIER_3_NAMES = ["中心医院", "人民医院", "中医院", "肿瘤医院", "妇产医院", "儿童医院", "中西医结合医院", "第二人民医院"] as const;
export const TIER_2_NAMES = ["区人民医院", "骨科医院", "妇幼保健院", "中医医院", "眼科医院", "口腔医院", "康复医院", "心血管病医院", "肾病医院", "精神卫生中心"] as const;
export const TIER_1_NAMES = ["社区卫生服务中心", "乡镇卫生院", "街道卫生院", "门诊部", "诊所", "卫生服务站", "中医诊所", "综合门诊部"] as const;
export const PHARMACY_BRANDS = ["康源", "百草堂", "益民", "仁和堂", "松鹤", "济世", "福寿", "万家", "安康", "同心", "惠民", "德仁堂"] as const;
export const STREETS = ["人民大街", "解放大路", "建设街", "和平路", "新华路", "长江路", "黄河路", "松花江路", "北京大街", "延安路", "工农大路", "自由大路"] as const;

export const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "于", "董", "金", "崔", "朴"] as const;
export const GIVEN = ["建华", "丽娟", "志刚", "秀英", "海燕", "国庆", "晓东", "玉兰", "春雨", "立新", "雪梅", "振宇", "文静", "宏伟", "红霞", "德胜", "思远", "佳琪", "明轩", "子涵", "桂芝", "永刚", "淑珍", "晓光"] as const;

/** Key areas of the Jilin plan §二(一), plus the disciplines a case review needs. */
export const EXPERT_SPECIALTIES = ["重症医学", "麻醉", "肿瘤", "心血管内科", "骨科", "肾内科（血液净化）", "康复医学", "医学影像", "临床检验", "药学", "病案管理", "医保管理"] as const;
export const THIRD_PARTY_SPECIALTIES = ["财务审计", "信息技术", "医保数据分析"] as const;
export const THIRD_PARTY_FIRMS = ["吉林示例会计师事务所（演示）", "长白示例信息技术有限公司（演示）", "松江示例数据服务有限公司（演示）", "北国示例审计事务所（演示）"] as const;
