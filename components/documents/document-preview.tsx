"use client";
import { useTranslations } from "use-intl";
import type { Block } from "@/lib/documents/page";

export interface DocumentPreviewData {
  layout: "letter" | "form";
  issuer: string;
  number: string;
  title: string;
  addressee: string | null;
  blocks: readonly Block[];
  attachments?: readonly string[];
  date: string;
  verificationCode: string;
  matchesRevision: boolean;
}

/** A document's content as HTML on the case page (issue 15 §8): the built-in layout's blocks, in reading order, not the .docx. */
export function DocumentPreview({ data }: { data: DocumentPreviewData }) {
  const t = useTranslations();
  return (
    <article className="mx-auto max-w-2xl rounded border border-slate-300 bg-white px-10 py-8 font-serif text-[15px] leading-7 text-slate-900 shadow-sm" aria-label={`${t("documents.previewTitle")}：${data.title}`}>
      {!data.matchesRevision ? <p className="mb-4 rounded bg-amber-50 px-3 py-2 font-sans text-sm text-amber-900">{t("documents.previewStale")}</p> : null}
      {data.layout === "letter" ? (
        <header className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-widest text-red-600">{data.issuer}</p>
          <p className="mt-2 border-b-2 border-red-600 pb-3">{data.number}</p>
          <h3 className="mt-6 text-xl font-bold">{data.title}</h3>
        </header>
      ) : (
        <header className="mb-6 text-center">
          <p>{data.issuer}</p>
          <h3 className="mt-2 text-xl font-bold">{data.title}</h3>
          <p className="mt-1 text-right">{data.number}</p>
        </header>
      )}
      {data.addressee ? <p>{data.addressee}：</p> : null}
      {data.blocks.map((block, i) => {
        switch (block.type) {
          case "paragraph":
            return <p key={i} className={block.indent === false ? "" : "indent-8"}>{block.text}</p>;
          case "heading1":
            return <p key={i} className="mt-2 font-sans font-bold">{block.text}</p>;
          case "heading2":
            return <p key={i} className="font-semibold">{block.text}</p>;
          case "fields":
            return (
              <table key={i} className="my-3 w-full border-collapse border border-slate-500 text-sm">
                <tbody>
                  {block.rows.map(([label, value], r) => (
                    <tr key={r}>
                      <th scope="row" className="w-1/3 border border-slate-500 px-2 py-1 text-left font-normal">{label}</th>
                      <td className="border border-slate-500 px-2 py-1">{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case "table":
            return (
              <table key={i} className="my-3 w-full border-collapse border border-slate-500 text-sm">
                <thead>
                  <tr>{block.header.map((h, c) => <th key={c} scope="col" className="border border-slate-500 px-2 py-1">{h}</th>)}</tr>
                </thead>
                <tbody>
                  {block.rows.map((row, r) => (
                    <tr key={r}>{row.map((cell, c) => <td key={c} className="border border-slate-500 px-2 py-1">{cell}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            );
          case "signatures":
            return <div key={i} className="mt-4 flex flex-col gap-2">{block.lines.map((line, l) => <p key={l}>{line}</p>)}</div>;
          default:
            return <p key={i}>&nbsp;</p>;
        }
      })}
      {data.attachments?.length ? (
        <div className="mt-4">
          {data.attachments.map((a, n) => <p key={n} className="indent-8">{n === 0 ? "附件：" : "　　　"}{n + 1}. {a}</p>)}
        </div>
      ) : null}
      {data.layout === "letter" ? <p className="mt-8 text-right">{data.issuer}</p> : null}
      <p className={`${data.layout === "letter" ? "" : "mt-8 "}text-right`}>{data.date}</p>
      <p className="mt-6 text-center font-sans text-xs text-slate-500">核验码 {data.verificationCode}</p>
      <p className="mt-2 text-center font-sans text-xs text-slate-500">{t("documents.previewNote")}</p>
    </article>
  );
}
