import { createHash } from 'node:crypto';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { isEntryCampaign, publicCampaignRow } from './access.ts';
import { entryReceipt } from './entry/receipt.ts';
import type { CandidateScope } from './candidate-session.ts';
import { candidateById, programsOf, schoolName, submissionsOf } from './repo.ts';
import { vnTime } from './submit-application.ts';

/**
 * The receipt (phiếu xác nhận đăng ký) of the version in force, as a PDF the
 * family keeps: campaign, candidate, the version's number and time, each
 * preference with its school, who submitted it, and a fingerprint (SHA-256
 * of the campaign, code, version, time and preferences) that staff can
 * compare against the stored version. 404 before the first submission.
 */
export async function applicationReceipt(
  db: Db,
  scope: CandidateScope,
  now: Date = new Date(),
): Promise<{ pdf: Buffer; fileName: string }> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  // An entry-grade campaign's receipt names the residence and school, not preferences.
  if (isEntryCampaign(campaign)) return entryReceipt(db, scope, now);
  const candidate = await candidateById(db, scope.candidateId);
  if (!candidate || candidate.campaign_id !== campaign.id) throw notFound('thí sinh');
  const [current] = await submissionsOf(db, candidate.id);
  if (!current) throw notFound('phiên bản đăng ký nguyện vọng');
  const programs = new Map((await programsOf(db, campaign.id)).map((p) => [p.id, p] as const));
  const submittedAt = new Date(current.submitted_at);
  const fingerprint = receiptFingerprint({
    campaignId: campaign.id,
    code: candidate.code,
    version: current.version,
    submittedAt,
    preferences: current.preferences,
  });
  const doc = newPdf({ layout: 'portrait', title: `Phiếu đăng ký nguyện vọng ${candidate.code}` });
  doc.font('bold').fontSize(14).text('PHIẾU XÁC NHẬN ĐĂNG KÝ NGUYỆN VỌNG', { align: 'center' });
  doc.font('regular').fontSize(11).text(campaign.name, { align: 'center' }).moveDown();
  const line = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  line('Mã thí sinh', candidate.code);
  line('Họ và tên', candidate.full_name);
  line('Ngày sinh', candidate.birth_date.split('-').reverse().join('/'));
  line('Trường THCS', (await schoolName(db, candidate.school_id)) ?? '');
  line('Phiên bản', String(current.version));
  line('Thời điểm ghi nhận', vnTime(submittedAt));
  if (current.on_behalf_by) line('Nhà trường gửi thay', current.on_behalf_by);
  doc.moveDown();
  if (current.preferences.length === 0)
    doc.font('bold').text('Thí sinh đã rút hồ sơ: không có nguyện vọng nào có hiệu lực.');
  else
    current.preferences.forEach((p, i) => {
      const program = programs.get(p);
      doc
        .font('bold')
        .text(`Nguyện vọng ${i + 1}: `, { continued: true })
        .font('regular')
        .text(`${p} — ${program?.school_name ?? ''}`);
    });
  doc.moveDown();
  doc
    .fontSize(9)
    .text(
      `Hạn thay đổi nguyện vọng: ${vnTime(campaign.closes_at)}. Phiên bản có hiệu lực lúc đóng đăng ký là hồ sơ xét tuyển. In lúc ${vnTime(now)}.`,
    )
    .text(`Mã đối chiếu (SHA-256): ${fingerprint}`);
  return {
    pdf: await finishPdf(doc),
    fileName: `phieu-dang-ky-${candidate.code}-v${current.version}.pdf`,
  };
}

export function receiptFingerprint(v: {
  campaignId: string;
  code: string;
  version: number;
  submittedAt: Date;
  preferences: string[];
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([v.campaignId, v.code, v.version, v.submittedAt.toISOString(), v.preferences]),
    )
    .digest('hex');
}
