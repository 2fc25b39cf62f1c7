/**
 * Reads a generated .docx back for the tests: unzips it (jszip) and parses its XML (fast-xml-parser, order kept),
 * so the assertions are about the file a clerk opens, not about the builder's input.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, parseTagValue: false, parseAttributeValue: false });

type Raw = Record<string, unknown>;
function convert(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of raw) {
    const tag = Object.keys(item).find((key) => key !== ":@")!;
    if (tag === "#text") {
      out.push({ tag, attrs: {}, children: [], text: String(item[tag]) });
      continue;
    }
    const children = convert((item[tag] as Raw[]) ?? []);
    out.push({ tag, attrs: (item[":@"] as Record<string, string>) ?? {}, children, text: children.map((c) => c.text).join("") });
  }
  return out;
}

export function parseXml(xml: string): XmlNode {
  return { tag: "#root", attrs: {}, children: convert(parser.parse(xml) as Raw[]), text: "" };
}

/** Every descendant with this tag, in document order. */
export function findAll(node: XmlNode, tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const child of n.children) {
      if (child.tag === tag) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** The first descendant with this tag; throws when there is none (a missing element fails the test by name). */
export function find(node: XmlNode, tag: string): XmlNode {
  const found = findAll(node, tag)[0];
  if (!found) throw new Error(`No <${tag}> in <${node.tag}>`);
  return found;
}

export const findMaybe = (node: XmlNode, tag: string): XmlNode | undefined => findAll(node, tag)[0];

/** The element, or a test failure naming what was looked for. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Not found: ${what}`);
  return value;
}

/** A paragraph's visible text (w:t), and each of its runs with the properties the layout fixes. */
export interface DocxRun {
  text: string;
  eastAsia?: string;
  ascii?: string;
  size?: number;
  color?: string;
  field?: string;
}
export interface DocxParagraph {
  text: string;
  alignment?: string;
  runs: DocxRun[];
  node: XmlNode;
}

function readRun(r: XmlNode): DocxRun {
  const rPr = findMaybe(r, "w:rPr");
  const fonts = rPr ? findMaybe(rPr, "w:rFonts") : undefined;
  const size = rPr ? findMaybe(rPr, "w:sz") : undefined;
  const color = rPr ? findMaybe(rPr, "w:color") : undefined;
  return {
    text: findAll(r, "w:t").map((t) => t.text).join(""),
    eastAsia: fonts?.attrs["w:eastAsia"],
    ascii: fonts?.attrs["w:ascii"],
    size: size ? Number(size.attrs["w:val"]) : undefined,
    color: color?.attrs["w:val"],
    field: findAll(r, "w:instrText").map((t) => t.text).join("") || undefined,
  };
}

export function paragraphs(root: XmlNode): DocxParagraph[] {
  return findAll(root, "w:p").map((p) => {
    const runs = findAll(p, "w:r").map(readRun);
    const jc = findMaybe(p, "w:jc");
    return { text: runs.map((r) => r.text).join(""), alignment: jc?.attrs["w:val"], runs, node: p };
  });
}

export interface DocxFile {
  document: XmlNode;
  settings: XmlNode;
  footers: XmlNode[];
  paragraphs: DocxParagraph[];
  /** The whole body's text, paragraphs joined by newlines (tables included, cell by cell). */
  text: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxFile> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => parseXml(await zip.file(name)!.async("string"));
  const document = await read("word/document.xml");
  const settings = await read("word/settings.xml");
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).sort();
  const footers = await Promise.all(footerNames.map(read));
  const paras = paragraphs(document);
  return { document, settings, footers, paragraphs: paras, text: paras.map((p) => p.text).join("\n") };
}
