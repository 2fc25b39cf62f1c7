import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import { chinaDateOf, dbDate } from "./deadlines";
import type { TRecordRefundInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * RECORD_REFUND (Liuzhou plan §四(三)2): one payment back into the fund. A transfer is archived with its
 * voucher (清退款项凭证; the Refund_voucher_check constraint holds it too); a settlement deduction has none.
 * The guards refuse a non-positive amount and one above what is still outstanding.
 */
export async function recordRefund(db: PrismaClient, actor: Actor, input: TRecordRefundInput, voucher: UploadedFile | undefined, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  const paidOn = input.paidOn ?? chinaDateOf(now);
  if (paidOn > chinaDateOf(now)) throw new DomainError("VALIDATION", { paidOn: "validation.dateInFuture" });
  if (input.method === "TRANSFER" && !voucher) throw new DomainError("VALIDATION", { file: "validation.required" });

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
