import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FONTS } from "@/lib/documents/layout";

describe("what PDF renditions need, installed by CI and the image", () => {
  it(".ci/run installs LibreOffice and poppler, and checks for them before skipping the install", () => {
    const ci = readFileSync(".ci/run", "utf8");
    expect(ci).toMatch(/apt-get install[^\n]*libreoffice-writer-nogui[^\n]*poppler-utils/);
    for (const tool of ["soffice", "pdftotext", "pdftoppm"]) expect(ci).toContain(`command -v ${tool}`);
  });

  it("the Dockerfile installs LibreOffice, the CJK fonts and the font aliases in the runtime image", () => {
    const runtime = readFileSync("Dockerfile", "utf8").split(/^FROM /m).at(-1)!;
    expect(runtime).toMatch(/apt-get install[^\n]*libreoffice-writer-nogui[^\n]*fonts-noto-cjk/);
    expect(runtime).toContain("COPY deploy/fontconfig/feijian-fonts.conf /etc/fonts/conf.d/");
  });

  it("the font aliases name every face the documents use, with the fallbacks docs/documents.md lists", () => {
    const aliases = readFileSync("deploy/fontconfig/feijian-fonts.conf", "utf8");
    for (const face of Object.values(FONTS)) {
      expect(aliases).toContain(`<family>${face.name}</family><prefer>`);
      expect(aliases).toContain(face.fallbacks.find((f) => f.startsWith("Noto") || f.startsWith("Liberation")) ?? face.fallbacks[0]);
    }
  });
});
