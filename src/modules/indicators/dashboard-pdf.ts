/**
 * The dashboard as a PDF report for the department's meeting (issue #16,
 * point 4: "every dashboard printable as a PDF report with the department's
 * header (Decree 30 layout)"): the indicators of the caller's unit against
 * the plan targets, first for all levels, then for each level that has
 * figures, with the time the figures were computed. Numbers in vi-VN
 * (1.234,56), rounded at display only (2 decimals).
 *
 * Layout after Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 (landscape, as the
 * Decree allows for a document that is mostly a table), margins 20 mm top
 * and bottom, 30 mm left, 15 mm right; the body above and the
 * unit at the top left, the national motto at the top right with the place
 * and date under it; the title centred; the signature block at the right.
 */
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import { finishPdf, newPdf, type Pdf } from '../../lib/pdf.ts';
import type { Dashboard } from './contract.ts';
import { getDashboard } from './dashboard.ts';
import { LEVEL_NAMES, type DashboardExportInput } from './dashboard-xlsx.ts';
import { INDICATORS } from './definitions.ts';
import { TARGET_STATUS_LABELS } from './labels.ts';
import { LEVEL_ORDER } from './norms.ts';
import { unitById } from './repo.ts';

const MM = 72 / 25.4;
const OWNERSHIP_NAMES = { public: 'công lập', private: 'ngoài công lập' } as const;

const twoDecimals = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A value as the report prints it: "91,25 %", "1,05", or "—" when there is none. */
export function shownValue(value: number | null, unit: 'percent' | 'ratio'): string {
  if (value === null) return '—';
  return `${twoDecimals.format(value)}${unit === 'percent' ? ' %' : ''}`;
}

/** "10:05 ngày 03/12/2026", in Vietnam's time (UTC+7, no daylight saving). */
export function computedAtText(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  const [y, m, d] = local.slice(0, 10).split('-');
  return `${local.slice(11, 16)} ngày ${d}/${m}/${y}`;
}

/** A section of the report: one dashboard (all levels, or one level). */
interface Section {
  title: string;
  data: Dashboard;
}

/** A level has figures when some indicator of it counts anything. */
const hasFigures = (d: Dashboard) => d.indicators.some((i) => i.denominator > 0);

/**
 * The report's bytes. Each dashboard is computed in the caller's scope
 * (getDashboard checks access), so a refusal is a problem answer, not a file.
 */
export async function dashboardPdf(
  db: Db,
  scope: Scope,
  input: DashboardExportInput,
  now: Date = new Date(),
): Promise<{ data: Dashboard; bytes: Buffer }> {
  const data = await getDashboard(db, scope, input);
  const levels: SchoolLevel[] = input.level ? [input.level] : [...LEVEL_ORDER];
  const perLevel = await Promise.all(
    levels.map(async (level) => ({
      level,
      data: input.level ? data : await getDashboard(db, scope, { ...input, level }),
    })),
  );
  const sections: Section[] = [
    ...(input.level ? [] : [{ title: 'Tất cả các cấp học', data }]),
    ...perLevel
      .filter((l) => hasFigures(l.data))
      .map((l) => ({ title: `Cấp học: ${LEVEL_NAMES[l.level]}`, data: l.data })),
  ];
  const unit = await unitById(db, data.unit.id);
  const parent = unit?.parent_id ? await unitById(db, unit.parent_id) : undefined;

  const doc = newPdf({
    layout: 'landscape',
    title: `Báo cáo chỉ tiêu giáo dục năm học ${data.year} - ${data.unit.name}`,
    margin: 20 * MM,
  });
  doc.page.margins.left = 30 * MM;
  doc.page.margins.right = 15 * MM;
  const left = 30 * MM;
  const width = doc.page.width - left - 15 * MM;
  const half = width / 2 - 6;
  const top = doc.y;
  doc.fontSize(10).font('regular');
  doc.text((parent?.name ?? '').toUpperCase(), left, top, { width: half, align: 'center' });
  doc.font('bold').text(data.unit.name.toUpperCase(), { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half + 12, top, {
    width: half,
    align: 'center',
  });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: half, align: 'center' });
  doc.moveDown(0.4).font('regular');
  const local = new Date(now.getTime() + 7 * 3600_000);
  doc.text(
    `Ngày ${String(local.getUTCDate()).padStart(2, '0')} tháng ${String(local.getUTCMonth() + 1).padStart(2, '0')} năm ${local.getUTCFullYear()}`,
    { width: half, align: 'center' },
  );
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font('bold').fontSize(13);
  doc.text('BÁO CÁO CHỈ TIÊU GIÁO DỤC SO VỚI KẾ HOẠCH', left, doc.y, { width, align: 'center' });
  doc.fontSize(11).text(`Năm học ${data.year}`, { width, align: 'center' });
  const filters = input.ownership ? ` Loại hình: ${OWNERSHIP_NAMES[input.ownership]}.` : '';
  doc
    .font('regular')
    .fontSize(9)
    .text(`Số liệu tính lúc ${computedAtText(now)} (giờ Việt Nam).${filters}`, {
      width,
      align: 'center',
    });
  doc.moveDown(1);

  const widths = [22, 250, 60, 60, 62, 190, 100];
  const header = ['TT', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Giá trị', 'Mục tiêu kế hoạch', 'Đánh giá'];
  const scale = width / widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => w * scale);
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  sections.forEach((section, k) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.font('bold').fontSize(10).text(`${roman[k]}. ${section.title}`, left, doc.y, { width });
    doc.moveDown(0.3);
    const row = (cells: string[]) => tableRow(doc, left, cols, cells, header);
    tableRow(doc, left, cols, header, null);
    section.data.indicators.forEach((i, n) => {
      const targets = i.targets.map(
        (t) => `${t.decision} (${t.year}): ${shownValue(t.value, i.unit)}`,
      );
      // The norm is counted in hundredths of a teacher: printed in teachers.
      const perHundred = INDICATORS.find((d) => d.id === i.id)?.denominator === 'normCents';
      row([
        String(n + 1),
        i.name.vi,
        whole.format(i.numerator),
        whole.format(perHundred ? i.denominator / 100 : i.denominator),
        shownValue(i.value, i.unit),
        targets.length ? targets.join('\n') : 'Chưa có',
        i.targets.map((t) => TARGET_STATUS_LABELS[t.status].vi).join('\n'),
      ]);
    });
    doc.moveDown(0.8);
  });
  if (!sections.length)
    doc.font('regular').fontSize(10).text('Chưa có số liệu của năm học.', left, doc.y, { width });

  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  doc
    .font('regular')
    .fontSize(8)
    .text(
      'Đánh giá: "Đạt" khi giá trị đã bằng hoặc vượt mục tiêu (chỉ tiêu càng thấp càng tốt: không vượt mục tiêu); ' +
        '"Chưa đạt, còn thời hạn" khi chưa đạt và năm học báo cáo trước năm học của mục tiêu; ' +
        '"Không đạt" khi chưa đạt ở năm học của mục tiêu hoặc sau đó. Giá trị làm tròn 2 chữ số thập phân khi in; tử số, mẫu số cộng từ số liệu từng trường.',
      left,
      doc.y,
      { width },
    );
  doc.moveDown(1.5);
  doc
    .font('bold')
    .fontSize(10)
    .text('THỦ TRƯỞNG ĐƠN VỊ', left + half + 12, doc.y, { width: half, align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text('(Ký, ghi rõ họ tên và đóng dấu)', { width: half, align: 'center' });
  return { data, bytes: await finishPdf(doc) };
}

/**
 * One row of the table, cells wrapped; when it does not fit, a new page that
 * starts with the table's `header` again (null: the row is the header).
 */
function tableRow(
  doc: Pdf,
  left: number,
  cols: number[],
  cells: string[],
  header: string[] | null,
): void {
  const font = () => doc.font(header ? 'regular' : 'bold').fontSize(8);
  font();
  const height =
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]! - 4 }))) + 4;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    if (header) tableRow(doc, left, cols, header, null);
    font();
  }
  const y = doc.y;
  let x = left;
  cells.forEach((c, i) => {
    doc.lineWidth(0.4).rect(x, y, cols[i]!, height).stroke();
    doc.text(c, x + 2, y + 2, {
      width: cols[i]! - 4,
      align: i >= 2 && i <= 4 ? 'right' : 'left',
    });
    x += cols[i]!;
  });
  doc.x = left;
  doc.y = y + height;
}
