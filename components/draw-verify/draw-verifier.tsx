"use client";
import { useMemo, useRef, useState, type ChangeEvent } from "react";
import { useTranslations } from "use-intl";
import { TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { verifyDrawRecord } from "@/lib/domain/draw/verify";
import { MAX_RECORD_BYTES, MAX_RECORD_MB, parseRecordText, readHash, type RecordFileProblem } from "./record-file";
import { VerifyOutcome, type Source } from "./verify-outcome";

// The browser's own file button, made to look like one: it reads in the visitor's browser language.
const FILE_CONTROL =
  "rounded border border-slate-300 bg-white text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 file:mr-4 file:cursor-pointer file:border-0 file:border-r file:border-slate-300 file:bg-brand-700 file:px-4 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-800";

/** A record to verify as soon as the page opens: a published draw's file, with the name it is shown by. */
export type InitialRecord = { name: string; text: string };

function load(name: string, text: string): Source {
  const parsed = parseRecordText(text);
  return "value" in parsed ? { phase: "loaded", name, value: parsed.value } : { phase: "problem", name, problem: parsed };
}

/**
 * Verifies a draw record in the browser: the file is read with FileReader and checked by the same
 * `verifyDrawRecord` the CLI runs; nothing is sent to the server. An uploaded file and, once draws
 * are published, a record the page was opened with (`initialRecord`) take the same path.
 */
export function DrawVerifier({ initialRecord }: { initialRecord?: InitialRecord }) {
  const t = useTranslations();
  const [source, setSource] = useState<Source>(() => (initialRecord ? load(initialRecord.name, initialRecord.text) : { phase: "idle" }));
  const [manifestInput, setManifestInput] = useState("");
  const [resultInput, setResultInput] = useState("");
  // A second file chosen while the first is still being read wins, whichever read ends last.
  const latestRead = useRef(0);

  const manifestAnchor = readHash(manifestInput);
  const resultAnchor = readHash(resultInput);
  const anchorsValid = manifestAnchor.valid && resultAnchor.valid;
  const anchors = { manifestHash: manifestAnchor.valid ? manifestAnchor.hash : undefined, resultHash: resultAnchor.valid ? resultAnchor.hash : undefined };

  // A large record takes about a second to verify (docs/draw.md): only a new file or a changed hash re-runs it.
  const report = useMemo(() => {
    const manifest = readHash(manifestInput);
    const result = readHash(resultInput);
    if (source.phase !== "loaded" || !manifest.valid || !result.valid) return null;
    return verifyDrawRecord(source.value, { manifestHash: manifest.hash, resultHash: result.hash });
  }, [source, manifestInput, resultInput]);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    const read = ++latestRead.current;
    if (!file) {
      setSource({ phase: "idle" });
      return;
    }
    const fail = (problem: RecordFileProblem) => setSource({ phase: "problem", name: file.name, problem });
    if (file.size > MAX_RECORD_BYTES) {
      fail({ code: "TOO_LARGE" });
      return;
    }
    setSource({ phase: "reading", name: file.name });
    const reader = new FileReader();
    reader.onload = () => {
      if (read !== latestRead.current) return;
      if (typeof reader.result === "string") setSource(load(file.name, reader.result));
      else fail({ code: "UNREADABLE" });
    };
    reader.onerror = () => {
      if (read === latestRead.current) fail({ code: "UNREADABLE" });
    };
    reader.readAsText(file, "utf-8");
  };

  const hashError = (input: ReturnType<typeof readHash>) => (input.valid ? undefined : t("drawVerify.hashInvalid", { count: input.length }));

  return (
    <div className="flex flex-col gap-6">
      <Card title={t("drawVerify.formTitle")}>
        <form className="flex flex-col gap-5" onSubmit={(event) => event.preventDefault()} noValidate>
          <TextField
            label={t("drawVerify.file")}
            hint={t("drawVerify.fileHint", { maxMb: MAX_RECORD_MB })}
            type="file"
            accept=".json,application/json"
            onChange={onFile}
            className={FILE_CONTROL}
          />
          <fieldset className="flex flex-col gap-4 rounded border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-800">{t("drawVerify.anchorsTitle")}</legend>
            <p className="-mt-1 text-sm text-slate-600">{t("drawVerify.anchorsHint")}</p>
            <TextField
              label={t("drawVerify.manifestHash")}
              hint={t("drawVerify.hashHint")}
              value={manifestInput}
              onChange={(event) => setManifestInput(event.target.value)}
              error={hashError(manifestAnchor)}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              label={t("drawVerify.resultHash")}
              hint={t("drawVerify.hashHint")}
              value={resultInput}
              onChange={(event) => setResultInput(event.target.value)}
              error={hashError(resultAnchor)}
              autoComplete="off"
              spellCheck={false}
            />
          </fieldset>
        </form>
      </Card>
      <VerifyOutcome source={source} report={report} anchors={anchors} anchorsValid={anchorsValid} />
    </div>
  );
}
