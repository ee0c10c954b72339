import { createHash } from 'node:crypto';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { finishPdf, newPdf } from '../../../lib/pdf.ts';
import { isEntryCampaign, publicCampaignRow } from '../access.ts';
import type { CandidateScope } from '../candidate-session.ts';
import { candidateById, programsOf, submissionsOf } from '../repo.ts';
import { areaWithCommune, evidenceOf } from './repo.ts';
import { ENTRY_DOCUMENT_LABELS } from './rules.ts';

/** "031******654": the first three digits (the province) and the last three, enough to tell. */
export function maskPersonalId(id: string | null): string {
  if (!id) return '—';
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 6))}${id.slice(-3)}`;
}

const dmy = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** "08:05:09 05/12/2026": Vietnam's time (UTC+7, no daylight saving), dates dd/mm/yyyy. */
export function vnStamp(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(11, 19)} ${dmy(t.slice(0, 10))}`;
}

/**
 * The entry-grade registration receipt (phiếu đăng ký tuyển sinh) of the
 * version in force, as a PDF the family keeps (issue #15): the campaign, the
 * child (name, date of birth dd/mm/yyyy, the personal id masked), the
 * residence declared (permanent or temporary, area and commune), the
 * school(s) chosen, the version's number and time, the documents uploaded,
 * and a verification code as grade 10's receipt (receipt.ts): SHA-256 of the
 * campaign, code, version, time, schools and residence, which staff can
 * recompute from the stored version. Grade 10's receipt has no QR code, so
 * neither has this one. 404 before the first registration.
 */
export async function entryReceipt(
  db: Db,
  scope: CandidateScope,
  now: Date = new Date(),
): Promise<{ pdf: Buffer; fileName: string }> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  if (!isEntryCampaign(campaign)) throw notFound('kỳ tuyển sinh lớp 1, lớp 6');
  const child = await candidateById(db, scope.candidateId);
  if (!child || child.campaign_id !== campaign.id) throw notFound('trẻ');
  const [current] = await submissionsOf(db, child.id);
  if (!current) throw notFound('phiên bản hồ sơ đăng ký');
  const programs = new Map((await programsOf(db, campaign.id)).map((p) => [p.id, p] as const));
  const area = current.area_id ? await areaWithCommune(db, current.area_id) : undefined;
  const files = await evidenceOf(db, child.id);
  const submittedAt = new Date(current.submitted_at);
  const code = entryReceiptCode({
    campaignId: campaign.id,
    code: child.code,
    version: current.version,
    submittedAt,
    schools: current.preferences,
    residence: current.residence,
    areaId: current.area_id,
  });

  const doc = newPdf({
    layout: 'portrait',
    title: `Phiếu đăng ký tuyển sinh lớp ${campaign.grade} ${child.code}`,
  });
  doc
    .font('bold')
    .fontSize(14)
    .text(`PHIẾU ĐĂNG KÝ TUYỂN SINH LỚP ${campaign.grade}`, { align: 'center' });
  doc.font('regular').fontSize(11).text(campaign.name, { align: 'center' });
  doc.text(`Năm học ${campaign.school_year}`, { align: 'center' }).moveDown();
  const line = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  line('Mã hồ sơ', child.code);
  line('Họ và tên trẻ', child.full_name);
  line('Ngày sinh', dmy(child.birth_date));
  line('Mã định danh cá nhân', maskPersonalId(child.personal_id));
  doc.moveDown(0.5);
  line(
    'Nơi cư trú',
    current.residence === 'permanent'
      ? 'Thường trú'
      : current.residence === 'temporary'
        ? 'Tạm trú'
        : '—',
  );
  line('Khu dân cư', area ? `${area.name} (${area.code}), ${area.commune_name}` : '—');
  doc.moveDown(0.5);
  if (current.preferences.length === 0)
    doc.font('bold').text('Gia đình đã rút hồ sơ: không có trường nào được chọn.');
  else
    current.preferences.forEach((p, i) => {
      const program = programs.get(p);
      const name = program
        ? `${program.school_name}${program.unzoned ? ' (không theo tuyến)' : ''}`
        : p;
      line(current.preferences.length > 1 ? `Trường chọn ${i + 1}` : 'Trường chọn', name);
    });
  if (current.sibling_program)
    line(
      'Anh/chị/em ruột đang học tại',
      `${programs.get(current.sibling_program)?.school_name ?? current.sibling_program} (đã đối chiếu cơ sở dữ liệu ngành; nhà trường kiểm tra giấy tờ)`,
    );
  doc.moveDown(0.5);
  line('Phiên bản', String(current.version));
  line('Thời điểm ghi nhận', vnStamp(submittedAt));
  if (current.on_behalf_by) line('Nhà trường gửi thay', current.on_behalf_by);
  doc.moveDown(0.5);
  doc.font('bold').text('Giấy tờ đã tải lên:');
  doc.font('regular');
  if (files.length === 0) doc.text('Không có.');
  for (const f of files)
    doc.text(
      `• ${ENTRY_DOCUMENT_LABELS[f.kind].vi}: ${f.file_name} (phiên bản ${f.version}, ${vnStamp(f.created_at)})`,
    );
  doc.moveDown();
  doc
    .fontSize(9)
    .text(
      `Hạn thay đổi hồ sơ: ${vnStamp(campaign.closes_at)}. Phiên bản có hiệu lực lúc hết hạn là hồ sơ xét tuyển; chỗ học không xét theo thứ tự nộp. In lúc ${vnStamp(now)}.`,
    )
    .text(`Mã đối chiếu (SHA-256): ${code}`);
  return {
    pdf: await finishPdf(doc),
    fileName: `phieu-dang-ky-${child.code}-v${current.version}.pdf`,
  };
}

/** The receipt's verification code: the same inputs give the same code. */
export function entryReceiptCode(v: {
  campaignId: string;
  code: string;
  version: number;
  submittedAt: Date;
  schools: string[];
  residence: string | null;
  areaId: string | null;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        v.campaignId,
        v.code,
        v.version,
        v.submittedAt.toISOString(),
        v.schools,
        v.residence,
        v.areaId,
      ]),
    )
    .digest('hex');
}
