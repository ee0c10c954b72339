/**
 * The statistical reports as files: the unit's table (one row per school,
 * and the sum) as xlsx, and one school's form as a PDF with the header of
 * Nghị định 30/2020/NĐ-CP (Phụ lục I: the issuing body at the top left, the
 * national motto at the top right, the title, the signature block).
 */
import type { Writable } from 'node:stream';
import type { Scope } from '../../../core/access/scope.ts';
import type { Db } from '../../../db/connection.ts';
import type { ReportPeriod, SchoolLevel } from '../../../db/schema.ts';
import { formatVietnameseDate } from '../../../lib/dates.ts';
import { finishPdf, newPdf } from '../../../lib/pdf.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import type { ReportForm } from '../contract.ts';
import { drillUnit } from '../drill.ts';
import { LEVEL_ORDER } from '../norms.ts';
import { unitById } from '../repo.ts';
import { LEVEL_FIGURES, linesOf, REPORT_SOURCE, type LevelFigure } from './definitions.ts';
import { schoolForms } from './forms.ts';
import { getReportForm } from './report-use-cases.ts';

const LEVEL_NAMES: Record<SchoolLevel, string> = {
  preschool: 'Mầm non',
  primary: 'Tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
};
const FIGURE_NAMES: Record<LevelFigure, string> = {
  classes: 'Số lớp',
  classesTwoSessions: 'Lớp học 2 buổi/ngày',
  students: 'Học sinh',
  femaleStudents: 'Học sinh nữ',
  ethnicMinorityStudents: 'Học sinh dân tộc thiểu số',
};
const STATUS_NAMES: Record<ReportForm['status'], string> = {
  not_started: 'Chưa làm',
  draft: 'Đang nhập',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
};
export const PERIOD_NAMES: Record<ReportPeriod, string> = {
  start: 'đầu năm học',
  end: 'cuối năm học',
};

/**
 * The rows of the unit's table: checked and computed before the download
 * starts, so a refusal is a problem answer, never a cut file.
 */
export async function reportTable(
  db: Db,
  scope: Scope,
  input: { year: string; period: ReportPeriod; unitId?: string | undefined },
) {
  const { unit } = await drillUnit(db, scope, input.unitId);
  const forms = await schoolForms(db, unit.path, input.year, input.period);
  const lines = linesOf(input.period);
  const header = [
    'Mã trường',
    'Tên trường',
    'Trạng thái',
    ...LEVEL_ORDER.flatMap((l) =>
      LEVEL_FIGURES.map((f) => `${LEVEL_NAMES[l]}: ${FIGURE_NAMES[f]}`),
    ),
    ...lines.map((l) => `${l.name.vi}${l.source === 'entered' ? ' (trường nhập)' : ''}`),
  ];
  const total: (number | null)[] = new Array<number | null>(header.length - 3).fill(0);
  const rows: (string | number | null)[][] = forms.map(({ form }) => {
    const figures = LEVEL_ORDER.flatMap((l) => {
      const own = form.levels.find((x) => x.level === l);
      return LEVEL_FIGURES.map((f) => (own ? own[f] : null));
    });
    const values = [...figures, ...form.lines.map((l) => l.value)];
    values.forEach((v, i) => {
      if (v !== null) total[i] = (total[i] ?? 0) + v;
    });
    return [form.school.code, form.school.name, STATUS_NAMES[form.status], ...values];
  });
  rows.push(['', `Cộng (${unit.name})`, '', ...total]);
  return { unit, header, rows };
}

export async function writeReportTable(
  table: Awaited<ReturnType<typeof reportTable>>,
  out: Writable,
): Promise<void> {
  await writeSimpleWorkbook(out, 'Biểu thống kê', table.header, table.rows);
}

/** One school's form as a PDF, as the caller may see it. */
export async function reportFormPdf(
  db: Db,
  scope: Scope,
  input: { schoolId: string; year: string; period: ReportPeriod },
): Promise<Buffer> {
  const form = await getReportForm(db, scope, input);
  const school = await unitById(db, form.school.id);
  const parent = school?.parent_id ? await unitById(db, school.parent_id) : undefined;
  const doc = newPdf({
    layout: 'portrait',
    title: `Báo cáo thống kê ${PERIOD_NAMES[form.period]} ${form.year} - ${form.school.name}`,
    margin: 56,
  });
  const left = 56;
  const width = doc.page.width - 112;
  const half = width / 2 - 8;
  const top = doc.y;
  doc.fontSize(10).font('regular');
  doc.text((parent?.name ?? '').toUpperCase(), left, top, { width: half, align: 'center' });
  doc.font('bold').text(form.school.name.toUpperCase(), { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half + 16, top, {
    width: half,
    align: 'center',
  });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: half, align: 'center' });
  doc.moveDown(0.4).font('regular');
  doc.text(`Ngày ${formatVietnameseDate(form.referenceDate)}`, { width: half, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font('bold').fontSize(13);
  doc.text(
    `BÁO CÁO THỐNG KÊ ${PERIOD_NAMES[form.period].toUpperCase()} ${form.year}`,
    left,
    doc.y,
    {
      width,
      align: 'center',
    },
  );
  doc.font('regular').fontSize(9);
  doc.text(
    `Thời điểm báo cáo: ${formatVietnameseDate(form.referenceDate)}; hạn gửi: ${formatVietnameseDate(form.dueDate)}. Trạng thái: ${STATUS_NAMES[form.status]}.`,
    left,
    doc.y + 4,
    { width, align: 'center' },
  );
  doc.text(`Căn cứ: ${REPORT_SOURCE}.`, { width, align: 'center' });
  doc.moveDown(1);

  const row = (cells: string[], widths: number[], bold = false) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y, { width: widths[i]! - 4, align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
      x += widths[i]!;
    });
    doc
      .moveTo(left, bottom + 2)
      .lineTo(left + width, bottom + 2)
      .lineWidth(0.3)
      .stroke();
    doc.y = bottom + 5;
  };
  const n = new Intl.NumberFormat('vi-VN');
  doc.font('bold').fontSize(10).text('I. Lớp và học sinh (từ cơ sở dữ liệu sogd)', left, doc.y);
  doc.moveDown(0.3);
  const levelWidths = [110, ...LEVEL_FIGURES.map(() => (width - 110) / LEVEL_FIGURES.length)];
  row(['Cấp học', ...LEVEL_FIGURES.map((f) => FIGURE_NAMES[f])], levelWidths, true);
  for (const l of form.levels)
    row([LEVEL_NAMES[l.level], ...LEVEL_FIGURES.map((f) => n.format(l[f]))], levelWidths);
  if (!form.levels.length) row(['Chưa có lớp trong năm học', '', '', '', '', ''], levelWidths);
  doc.moveDown(0.8);
  doc
    .font('bold')
    .fontSize(10)
    .text('II. Đội ngũ, cơ sở vật chất và các chỉ tiêu khác', left, doc.y);
  doc.moveDown(0.3);
  const lineWidths = [width - 170, 90, 80];
  row(['Chỉ tiêu', 'Số liệu', 'Nguồn'], lineWidths, true);
  for (const l of form.lines)
    row(
      [
        l.name.vi,
        l.value === null ? 'chưa nhập' : n.format(l.value),
        l.source === 'sogd' ? 'sogd' : 'trường nhập',
      ],
      lineWidths,
    );
  doc.moveDown(1.5);
  doc
    .font('bold')
    .fontSize(10)
    .text('THỦ TRƯỞNG ĐƠN VỊ', left + half + 16, doc.y, {
      width: half,
      align: 'center',
    });
  doc
    .font('regular')
    .fontSize(9)
    .text('(Ký, ghi rõ họ tên và đóng dấu)', { width: half, align: 'center' });
  if (form.submittedBy)
    doc.moveDown(2).text(`Người gửi: ${form.submittedBy}`, { width: half, align: 'center' });
  return finishPdf(doc);
}
