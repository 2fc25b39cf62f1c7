import { describe, expect, it } from "vitest";
import { maskName, redact, REDACTED_ID_NUMBER, REDACTED_PHONE } from "@/lib/domain/publication/redact";

describe("redaction of published text", () => {
  it("removes ID numbers, mobile and landline numbers, and known names, and counts what it replaced", () => {
    const text = "患者王小明（身份证号22010219800101123X，电话 138 0431 2345）由医师李建国开具处方；科室电话0431-88886666，另一号码15043121234。";
    const { text: out, replaced } = redact(text, ["王小明", "李建国", "赵"]);
    expect(out).toBe(`患者王某（身份证号${REDACTED_ID_NUMBER}，电话 ${REDACTED_PHONE}）由医师李某开具处方；科室电话${REDACTED_PHONE}，另一号码${REDACTED_PHONE}。`);
    expect(replaced).toBe(6);
    for (const leak of ["22010219800101123X", "0431-88886666", "15043121234", "王小明", "李建国"]) expect(out).not.toContain(leak);
  });

  it("keeps amounts, dates, article numbers and institution names", () => {
    const text = "长春市某某医院2024年3月1日至2024年12月31日串换药品，涉及医保基金128,560.50元，依据《医疗保障基金使用监督管理条例》第三十八条处理。";
    expect(redact(text, ["张三"])).toEqual({ text, replaced: 0 });
  });

  it("masks a longer name before a shorter one inside it, and ignores one-character names", () => {
    expect(redact("张三丰与张三", ["张三", "张三丰", "张"]).text).toBe("张某与张某");
    expect(maskName("欧阳明")).toBe("欧某");
  });
});
