import "server-only";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/lib/server/db/client";
import { openStoredFile, settleUpload, storeFile, type UploadedFile } from "@/lib/server/files/storage";
import { getFileStore } from "@/lib/server/files/store";
import { logger } from "@/lib/server/logger";

/** How many conversions run at once (each soffice takes a core for ~1–2 s), and how long one may take. */
const CONCURRENCY = Math.max(1, Number(process.env.FEIJIAN_PDF_CONCURRENCY ?? 2));
const TIMEOUT_MS = Number(process.env.FEIJIAN_PDF_TIMEOUT_MS ?? 60_000);
const ATTEMPTS = 2;
/** The fallbacks for the GB/T 9704 faces (docs/documents.md), so a machine without them prints serif CJK, not boxes. */
const FONT_ALIASES = path.join(process.cwd(), "deploy/fontconfig/feijian-fonts.conf");

/** A fontconfig file for soffice: the system's configuration, then our aliases (no root needed to install them). */
async function writeFontconfig(dir: string): Promise<string | null> {
  if (!existsSync(FONT_ALIASES)) return null;
  const file = path.join(dir, "fonts.conf");
  await writeFile(file, `<?xml version="1.0"?>\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <include ignore_missing="yes">${FONT_ALIASES}</include>\n</fontconfig>\n`);
  return file;
}

let sofficePath: string | null | undefined;

/** LibreOffice's `soffice`, from FEIJIAN_SOFFICE or the PATH; null where it is not installed. */
export function findSoffice(): string | null {
  if (sofficePath !== undefined) return sofficePath;
  const candidates = process.env.FEIJIAN_SOFFICE ? [process.env.FEIJIAN_SOFFICE] : (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "soffice"));
  sofficePath = candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
  return sofficePath;
}

export const pdfAvailable = () => findSoffice() !== null;

/**
 * One .docx to PDF with LibreOffice, headless, in a temporary folder with its own profile (two soffice processes
 * sharing a profile fail), killed after the timeout.
 */
export async function convertDocxToPdf(docx: Buffer, timeoutMs = TIMEOUT_MS): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const dir = await mkdtemp(path.join(tmpdir(), "feijian-pdf-"));
  try {
    const input = path.join(dir, "document.docx");
    await writeFile(input, docx);
    const fontconfig = await writeFontconfig(dir);
    await new Promise<void>((resolve, reject) => {
      execFile(
        /*turbopackIgnore: true*/ soffice,
        [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, input],
        { timeout: timeoutMs, killSignal: "SIGKILL", env: { ...process.env, HOME: dir, ...(fontconfig ? { FONTCONFIG_FILE: fontconfig } : {}) } },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    return await readFile(path.join(dir, "document.pdf"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A stored file's bytes (documents are small: a .docx is tens of kilobytes). */
export async function readStoredBytes(storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openStoredFile(storageKey)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Converts one document's current .docx and records the PDF as a case file; FAILED after the second failure. */
async function renderPdf(db: PrismaClient, documentId: string): Promise<void> {
  const document = await db.caseDocument.findUnique({ where: { id: documentId }, select: { pdfStatus: true, generatedById: true, file: { select: { storageKey: true, fileName: true } } } });
  if (!document || document.pdfStatus !== "PENDING") return;
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const pdf = await convertDocxToPdf(await readStoredBytes(document.file.storageKey));
      const store = getFileStore();
      const temp = await store.putTemp(Readable.from([pdf]), { maxBytes: 50 * 1024 * 1024 });
      const uploaded: UploadedFile = { tempKey: temp.tempKey, fileName: document.file.fileName.replace(/\.docx$/, ".pdf"), mediaType: "application/pdf", sizeBytes: temp.sizeBytes, sha256: temp.sha256 };
      try {
        await db.$transaction(async (tx) => {
          const file = await storeFile(tx, uploaded, document.generatedById);
          await tx.caseDocument.updateMany({ where: { id: documentId, pdfStatus: "PENDING" }, data: { pdfStatus: "DONE", pdfFileId: file.id, pdfAttempts: attempt, pdfError: null, version: { increment: 1 } } });
        });
      } finally {
        await settleUpload(db, uploaded, store);
      }
      return;
    } catch (error) {
      lastError = error;
    }
  }
  const message = lastError instanceof Error ? lastError.message.slice(0, 500) : String(lastError);
  logger.error("document.pdfFailed", { documentId, error: message });
  await db.caseDocument.updateMany({ where: { id: documentId, pdfStatus: "PENDING" }, data: { pdfStatus: "FAILED", pdfAttempts: ATTEMPTS, pdfError: message, version: { increment: 1 } } });
}

// An in-process queue: bounded, in order. A restart leaves PENDING rows; `resumePendingPdfs` picks them up.
const queue: { db: PrismaClient; id: string }[] = [];
/** Queued or running here: a document is never converted twice at once (which would store an orphan PDF). */
const inProcess = new Set<string>();
let running = 0;
let resumed = false;
const idle: (() => void)[] = [];

function pump() {
  while (running < CONCURRENCY && queue.length > 0) {
    const job = queue.shift()!;
    running++;
    void renderPdf(job.db, job.id)
      .catch((error: unknown) => logger.error("document.pdfCrashed", { documentId: job.id, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running--;
        inProcess.delete(job.id);
        pump();
      });
  }
  if (running === 0 && queue.length === 0) idle.splice(0).forEach((resolve) => resolve());
}

/** Queues a document's PDF rendition; returns at once. */
export function enqueuePdf(db: PrismaClient, documentId: string): void {
  if (inProcess.has(documentId)) return;
  inProcess.add(documentId);
  queue.push({ db, id: documentId });
  pump();
}

/** Re-queues the renditions a restart interrupted. */
export async function resumePendingPdfs(db: PrismaClient): Promise<number> {
  const pending = await db.caseDocument.findMany({ where: { pdfStatus: "PENDING" }, select: { id: true } });
  for (const { id } of pending) enqueuePdf(db, id);
  return pending.length;
}

/** Once per process, the first time documents are listed: picks up what a restart left PENDING. */
export async function resumePendingPdfsOnce(db: PrismaClient): Promise<void> {
  if (resumed || !pdfAvailable()) return;
  resumed = true;
  await resumePendingPdfs(db);
}

/** Resolves when no rendition is queued or running (tests, shutdown). */
export function pdfQueueIdle(): Promise<void> {
  if (running === 0 && queue.length === 0) return Promise.resolve();
  return new Promise((resolve) => idle.push(resolve));
}
