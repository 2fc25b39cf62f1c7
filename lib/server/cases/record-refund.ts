import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import { chinaDateOf, dbDate } from "./deadlines";
import type { TRecordRefundInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * RECORD_REFUND (Liuzhou plan §四(三)2): one payment back into the fund, archived with its voucher
 * (清退款项凭证; the Refund_voucher_required constraint holds it too). A deduction from settlement payments is
 * recorded by the city with its deduction voucher.
 * The guards refuse a non-positive amount and one above what is still outstanding.
 */
export async function recordRefund(db: PrismaClient, actor: Actor, input: TRecordRefundInput, voucher: UploadedFile | undefined, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  const paidOn = input.paidOn ?? chinaDateOf(now);
  if (paidOn > chinaDateOf(now)) throw new DomainError("VALIDATION", { paidOn: "validation.dateInFuture" });
  // Every refund is archived with its voucher: the institution's transfer slip, or the city's deduction voucher.
  if (!voucher) throw new DomainError("VALIDATION", { file: "validation.required" });
  // Issue 12 §5: a deduction from settlement payments is the city's act; the institution cannot record one for itself.
  if (input.method === "SETTLEMENT_DEDUCTION" && actor.role !== "CITY_STAFF") throw new DomainError("VALIDATION", { method: "cases.deductionByCityOnly" });

  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "RECORD_REFUND", input: { refundAmount: input.refundAmount } },
    async (tx, found) => {
      const notice = await tx.refundNotice.findUnique({ where: { caseId: found.id }, select: { id: true } });
      if (!notice) throw new DomainError("NOT_FOUND");
      const stored = voucher ? await storeFile(tx, voucher, actor.userId, now) : null;
      const refund = await tx.refund.create({
        data: {
          refundNoticeId: notice.id,
          amount: input.refundAmount,
          method: input.method,
          paidOn: dbDate(paidOn),
          voucherFileId: stored?.id ?? null,
          recordedById: actor.userId,
          recordedAt: now,
        },
      });
      return { refundId: refund.id, amount: input.refundAmount, method: input.method, paidOn, voucherSha256: stored?.sha256 ?? null };
    },
    { ...options, now },
  );
}
