/**
 * The draw ceremony (issue 8 §4): the manifest fixed, each party's salt committed and revealed, the public
 * entropy entered; a ceremony stopped or redrawn with the reason. And the draw's files, downloads that the
 * service decides who may have (a released record is public; anything else is the bureau's, and "not found" to
 * anyone else, as for an unknown draw).
 */
import { ZCommitInput, ZDrawFileInput, ZEntropyInput, ZFixTargetDrawInput, ZFixTeamDrawInput, ZRedrawInput, ZRevealInput, ZStopDrawInput } from "@/lib/validation/draws";
import { defineOperation } from "../types";

const TAG = "Draws";

export const DRAW_OPERATIONS = {
  fixTeamDraw: defineOperation({
    name: "draw.fixTeamDraw",
    labelKey: "draw.fixTeamDraw",
    summary: "Fix the manifest of a published plan's team draw (experts and third-party members).",
    tag: TAG,
    input: ZFixTeamDrawInput,
    permission: "draw.run",
    audit: "draw.fixManifest",
    http: { method: "POST", path: "/plans/{planId}/team-draw" },
  }),
  fixTargetDraw: defineOperation({
    name: "draw.fixTargetDraw",
    labelKey: "draw.fixTargetDraw",
    summary: "Fix the manifest of the target draw of one inspected region of a published plan.",
    tag: TAG,
    input: ZFixTargetDrawInput,
    permission: "draw.run",
    audit: "draw.fixManifest",
    http: { method: "POST", path: "/plans/{planId}/regions/{planRegionId}/target-draw" },
  }),
  commit: defineOperation({
    name: "draw.commit",
    labelKey: "draw.commit",
    summary: "Record a party's commitment (the SHA-256 of its salt) before the entropy is known.",
    tag: TAG,
    input: ZCommitInput,
    permission: "draw.run",
    audit: "draw.commit",
    http: { method: "POST", path: "/draws/{drawId}/parties/{partyId}/commitment" },
  }),
  enterEntropy: defineOperation({
    name: "draw.enterEntropy",
    labelKey: "draw.enterEntropy",
    summary: "Enter the public entropy (the lottery digits) once every party has committed.",
    tag: TAG,
    input: ZEntropyInput,
    permission: "draw.run",
    audit: "draw.enterEntropy",
    http: { method: "POST", path: "/draws/{drawId}/entropy" },
  }),
  reveal: defineOperation({
    name: "draw.reveal",
    labelKey: "draw.reveal",
    summary: "Reveal a party's salt; the last one drawn completes the draw.",
    tag: TAG,
    input: ZRevealInput,
    permission: "draw.run",
    audit: "draw.reveal",
    http: { method: "POST", path: "/draws/{drawId}/parties/{partyId}/salt" },
  }),
  stop: defineOperation({
    name: "draw.stop",
    labelKey: "draw.stop",
    summary: "Stop a ceremony that cannot finish.",
    tag: TAG,
    input: ZStopDrawInput,
    permission: "draw.run",
    audit: "draw.stop",
    http: { method: "POST", path: "/draws/{drawId}/stop" },
  }),
  redraw: defineOperation({
    name: "draw.redraw",
    labelKey: "draw.redraw",
    summary: "Hold a stopped draw again on the same manifest, with the reason.",
    tag: TAG,
    input: ZRedrawInput,
    permission: "draw.run",
    audit: "draw.redraw",
    http: { method: "POST", path: "/draws/{drawId}/redraw" },
  }),
  record: defineOperation({
    name: "draw.record",
    labelKey: "draw.downloadRecord",
    summary: "The draw's record file: public once released; before release, the bureau's only.",
    tag: TAG,
    input: ZDrawFileInput,
    permission: null,
    audit: "draw.download.record",
    download: true,
    http: { method: "GET", path: "/draws/{drawId}/record" },
  }),
  fullRecord: defineOperation({
    name: "draw.fullRecord",
    labelKey: "draw.downloadFullRecord",
    summary: "The bureau's full record of a draw: every committed value with its salt (ADR 019).",
    tag: TAG,
    input: ZDrawFileInput,
    permission: null,
    audit: "draw.download.full-record",
    download: true,
    http: { method: "GET", path: "/draws/{drawId}/full-record" },
  }),
  manifest: defineOperation({
    name: "draw.manifest",
    labelKey: "draw.downloadManifest",
    summary: "The manifest a ceremony is held on (it names every candidate): the bureau's only.",
    tag: TAG,
    input: ZDrawFileInput,
    permission: null,
    audit: "draw.download.manifest",
    download: true,
    http: { method: "GET", path: "/draws/{drawId}/manifest" },
  }),
} as const;
