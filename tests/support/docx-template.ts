import { Document, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";

/** A .docx whose paragraphs are these lines (a bureau's template as Word saves it, one run per line). */
export async function templateDocx(lines: readonly string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return Packer.toBuffer(doc);
}

/** The same template grown to exactly `size` bytes with a stored (uncompressed) part Word ignores. */
export async function templateDocxOfSize(lines: readonly string[], size: number): Promise<Buffer> {
  const base = await templateDocx(lines);
  const build = async (padding: number) => {
    const zip = await JSZip.loadAsync(base);
    zip.file("customXml/padding.bin", Buffer.alloc(padding, 0x20), { compression: "STORE" });
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  };
  const probe = await build(1000);
  const result = await build(1000 + size - probe.length);
  if (result.length !== size) throw new Error(`padding missed: ${result.length} ≠ ${size}`);
  return result;
}

/** The text of a .docx's body, paragraphs joined by newlines. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((p) => p.length > 0)
    .join("\n");
}
