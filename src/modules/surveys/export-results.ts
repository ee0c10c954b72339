import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../lib/exceljs.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { formatVietnameseDate, todayInVietnam } from '../../lib/dates.ts';
import { formatVietnameseNumber } from '../../lib/numbers.ts';
import type { ResultsAnswer } from './contract.ts';
import { SCALE_LABELS, SURVEY_STATUS_LABELS } from './labels.ts';
import { surveyResults } from './survey-results.ts';

/** The results sheet's columns, row 1 of its table. */
export const RESULT_HEADERS = [
  'Mã trường',
  'Trường',
  'Số phiếu',
  'Phần',
  'Mã câu hỏi',
  'Câu hỏi',
  'Mức / lựa chọn',
  'Số lượt chọn',
  'Tỷ lệ',
  'Điểm trung bình',
] as const;
export const TEXT_HEADERS = ['Mã trường', 'Trường', 'Phần', 'Mã câu hỏi', 'Câu hỏi', 'Ý kiến'];

/** Rows above each sheet's table: what the survey is, its scope and dates. */
function header(results: ResultsAnswer): string[] {
  const s = results.survey;
  const day = (iso: string) => formatVietnameseDate(iso.slice(0, 10));
  const closed = s.closedAt ? todayInVietnam(new Date(s.closedAt)) : null;
  return [
    s.title,
    `Phạm vi: ${s.scope.name} · Năm học ${s.schoolYear}`,
    [
      `Trạng thái: ${SURVEY_STATUS_LABELS.vi[s.status]}`,
      s.endsOn ? `ngày cuối nhận trả lời ${day(s.endsOn)}` : null,
      closed ? `đóng ngày ${day(closed)}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
    `Số phiếu của các trường được hiện: ${formatVietnameseNumber(s.answers ?? 0)} · Xuất ngày ${day(todayInVietnam())}`,
    `Trường có dưới ${results.minGroupSize} phiếu không hiện số liệu nào (kể cả số phiếu). Phiếu ẩn danh: không có thông tin người trả lời.`,
  ];
}

function sheetWithHeader(
  book: ExcelJS.Workbook,
  name: string,
  lines: string[],
  columns: readonly string[],
) {
  const sheet = book.addWorksheet(name);
  lines.forEach((line, i) => {
    const row = sheet.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  sheet.addRow([]);
  const head = sheet.addRow([...columns]);
  head.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: head.number }];
  return sheet;
}

/**
 * The results as the page shows them, in an xlsx: sheet "Kết quả" with one
 * row per school, question and level (or choice): the count and its share of
 * the question's answers, the question's mean on its first row; sheet "Ý
 * kiến" with the approved free texts. Built from surveyResults, so the same
 * scope and the same rule: a school under MIN_GROUP_SIZE answers shows a
 * notice and no figure. Numbers stay numbers (counts #,##0, shares 0,0 %,
 * means 0,00): the spreadsheet shows them as the reader's locale writes
 * them, vi-VN on a Vietnamese computer (1.234; 12,5 %; 3,75).
 */
export async function exportResults(
  db: Db,
  scope: Scope,
  input: { surveyId: string; schoolId?: string | undefined },
): Promise<{ fileName: string; xlsx: Buffer }> {
  const results = await surveyResults(db, scope, input);
  const lines = header(results);
  const book = new (await loadExcelJS()).Workbook();
  book.creator = 'sogd';
  const sheet = sheetWithHeader(book, 'Kết quả', lines, RESULT_HEADERS);
  sheet.columns.forEach((c, i) => (c.width = [12, 36, 10, 28, 12, 48, 24, 12, 10, 14][i]));
  const texts = sheetWithHeader(book, 'Ý kiến', lines, TEXT_HEADERS);
  texts.columns.forEach((c, i) => (c.width = [12, 36, 28, 12, 48, 80][i]));
  for (const g of results.groups) {
    if (g.suppressed) {
      sheet.addRow([
        g.school.code,
        g.school.name,
        null,
        null,
        null,
        `Chưa đủ ${results.minGroupSize} phiếu: không hiện số liệu.`,
      ]);
      continue;
    }
    for (const s of g.sections)
      for (const q of s.questions) {
        for (const t of q.texts)
          texts.addRow([g.school.code, g.school.name, s.title, q.id, q.text, t]);
        if (q.kind === 'text') continue;
        const labels =
          q.kind === 'scale5' ? SCALE_LABELS.vi.map((l, i) => `${i + 1} – ${l}`) : q.choices;
        q.distribution.forEach((n, i) => {
          const row = sheet.addRow([
            g.school.code,
            g.school.name,
            g.answers,
            s.title,
            q.id,
            q.text,
            labels[i],
            n,
            q.answered ? n / q.answered : null,
            i === 0 ? q.mean : null,
          ]);
          row.getCell(3).numFmt = '#,##0';
          row.getCell(8).numFmt = '#,##0';
          row.getCell(9).numFmt = '0.0%';
          row.getCell(10).numFmt = '0.00';
        });
      }
  }
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  const fileName = `ket-qua-khao-sat-${results.survey.schoolYear}-${results.survey.id.slice(-8)}.xlsx`;
  return { fileName, xlsx };
}
