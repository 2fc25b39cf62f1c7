/**
 * The pooling regions of the Jilin 2024 plan (§一(一)): provincial inspections are by city-level pooling
 * region, with 省直 merged into 长春 and 长白山管委会 into 延边州; 梅河口 stands alone. Codes follow the
 * national administrative division codes where one exists; 省直 and 长白山 have none and use 2299xx.
 */
export const JILIN_POOLING_REGIONS = [
  { code: "220100", name: "长春市" },
  { code: "229900", name: "省直", mergedInto: "220100" },
  { code: "220200", name: "吉林市" },
  { code: "220300", name: "四平市" },
  { code: "220400", name: "辽源市" },
  { code: "220500", name: "通化市" },
  { code: "220600", name: "白山市" },
  { code: "220700", name: "松原市" },
  { code: "220800", name: "白城市" },
  { code: "222400", name: "延边朝鲜族自治州" },
  { code: "229901", name: "长白山管委会", mergedInto: "222400" },
  { code: "220581", name: "梅河口市" },
] as const;
