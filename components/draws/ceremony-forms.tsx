"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useEditorForm } from "@/components/plans/use-editor-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { ZCommitInput, ZEntropyInput, ZRedrawInput, ZRevealInput } from "@/lib/validation/draws";


export function CommitForm({ drawId, partyId, partyName }: { drawId: string; partyId: string; partyName: string }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZCommitInput, { drawId, partyId, commitment: "" }, "draw.commit", "draw.committed", true);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={t("draw.commitFor", { party: partyName })}>
      {notice}
      <div className="md:col-span-3"><TextField label={t("draw.commitmentOf", { party: partyName })} required hint={t("draw.commitmentHint")} error={fieldError("commitment")} {...form.register("commitment")} /></div>
      <div className="self-end"><Button type="submit" disabled={busy}>{t("draw.commit")}</Button></div>
    </form>
  );
}

export function EntropyForm({ drawId, digits }: { drawId: string; digits: number }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZEntropyInput, { drawId, publicEntropy: "" }, "draw.enterEntropy", "draw.entropyEntered", true);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={t("draw.entropyTitle")}>
      {notice}
      <div className="md:col-span-3"><TextField label={t("draw.publicEntropy")} required inputMode="numeric" hint={t("draw.entropyHint", { digits })} error={fieldError("publicEntropy")} {...form.register("publicEntropy")} /></div>
      <div className="self-end"><Button type="submit" disabled={busy}>{t("draw.enterEntropy")}</Button></div>
    </form>
  );
}

export function RevealForm({ drawId, partyId, partyName }: { drawId: string; partyId: string; partyName: string }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZRevealInput, { drawId, partyId, salt: "" }, "draw.reveal", "draw.revealed", true);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={t("draw.revealFor", { party: partyName })}>
      {notice}
      <div className="md:col-span-3"><TextField label={t("draw.saltOf", { party: partyName })} required hint={t("draw.saltHint")} autoComplete="off" error={fieldError("salt")} {...form.register("salt")} /></div>
      <div className="self-end"><Button type="submit" disabled={busy}>{t("draw.reveal")}</Button></div>
    </form>
  );
}

export function RedrawForm({ drawId }: { drawId: string }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZRedrawInput, { drawId, reason: "" }, "draw.redraw", "draw.redrawn", true);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={t("draw.redrawTitle")}>
      {notice}
      <div className="md:col-span-3"><TextField label={t("draw.redrawReason")} required hint={t("draw.redrawHint")} error={fieldError("reason")} {...form.register("reason")} /></div>
      <div className="self-end"><Button type="submit" disabled={busy}>{t("draw.redraw")}</Button></div>
    </form>
  );
}

/**
 * Lets a party compute the commitment of its salt on this computer before the meeting: the salt never
 * leaves the browser (sha256Hex is the engine's own, lib/domain/crypto/sha256.ts).
 */
export function CommitmentCalculator() {
  const t = useTranslations();
  const [salt, setSalt] = useState("");
  const valid = /^[\x21-\x7e]{16,256}$/.test(salt);
  return (
    <details className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">{t("draw.calculatorTitle")}</summary>
      <p className="my-2 text-slate-600">{t("draw.calculatorIntro")}</p>
      <TextField label={t("draw.calculatorSalt")} value={salt} autoComplete="off" onChange={(e) => setSalt(e.target.value)} hint={t("draw.saltHint")} />
      <p className="mt-2 break-all font-mono text-xs" aria-live="polite">{salt === "" ? "" : valid ? t("draw.calculatorResult", { hash: sha256Hex(salt) }) : t("draw.validation.salt")}</p>
    </details>
  );
}
