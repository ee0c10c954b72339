import QRCode from 'qrcode';
import { formatVietnameseDate } from '../../lib/dates.ts';
import { finishPdf, newPdf, type Pdf } from '../../lib/pdf.ts';
import type { DiplomaDetail } from './contract.ts';
import type { DiplomaRow } from './repo.ts';

/** The printed forms of the register: the register itself, a data sheet, a certified copy. */

const TYPE_TITLE = {
  upper_secondary: 'BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG',
  lower_secondary: 'BẰNG TỐT NGHIỆP TRUNG HỌC CƠ SỞ',
} as const;
const GENDER = { male: 'Nam', female: 'Nữ' } as const;

/** The register (sổ gốc) as printed: A4 landscape, the columns of Circular 21/2019, numbered pages. */
export async function registerPdf(
  authority: { name: string },
  rows: DiplomaRow[],
  options: { year?: number | undefined } = {},
): Promise<Buffer> {
  const doc = newPdf({ layout: 'landscape', title: `Sổ gốc cấp văn bằng — ${authority.name}` });
  const columns: [string, number, (r: (typeof rows)[number], i: number) => string][] = [
    ['STT', 26, (_r, i) => String(i + 1)],
    ['Họ và tên', 92, (r) => r.full_name],
    ['Ngày sinh', 52, (r) => formatVietnameseDate(r.birth_date)],
    ['Nơi sinh', 70, (r) => r.birth_place ?? ''],
    ['Giới tính', 36, (r) => GENDER[r.gender]],
    ['Dân tộc', 40, (r) => r.ethnicity ?? ''],
    [
      'Trường / Hội đồng thi',
      100,
      (r) => [r.school_name, r.exam_council].filter(Boolean).join(' / '),
    ],
    ['Năm TN', 34, (r) => String(r.graduation_year)],
    [
      'Số, ngày QĐ công nhận TN',
      80,
      (r) => `${r.decision_number}, ${formatVietnameseDate(r.decision_date)}`,
    ],
    ['Số hiệu', 58, (r) => r.serial_number],
    ['Số vào sổ gốc', 70, (r) => r.register_number],
    ['Ngày cấp', 50, (r) => formatVietnameseDate(r.issue_date)],
    [
      'Ghi chú',
      62,
      (r) =>
        [
          r.status === 'revoked' ? 'Đã thu hồi' : r.status === 'corrected' ? 'Đã chỉnh sửa' : '',
          r.notes ?? '',
        ]
          .filter(Boolean)
          .join('; '),
    ],
  ];
  const left = doc.page.margins.left;
  const heading = () => {
    doc.font('bold').fontSize(12).text('SỔ GỐC CẤP VĂN BẰNG, CHỨNG CHỈ', { align: 'center' });
    doc
      .font('regular')
      .fontSize(9)
      .text(`${authority.name}${options.year ? ` — năm ${options.year}` : ''}`, {
        align: 'center',
      });
    doc.moveDown(0.5);
    let x = left;
    const y = doc.y;
    doc.font('bold').fontSize(7);
    for (const [title, width] of columns) {
      doc.rect(x, y, width, 24).stroke();
      doc.text(title, x + 2, y + 3, { width: width - 4, align: 'center' });
      x += width;
    }
    doc.y = y + 24;
    doc.font('regular').fontSize(7);
  };
  heading();
  rows.forEach((r, i) => {
    const texts = columns.map(([, width, value]) => ({ width, text: value(r, i) }));
    const height = Math.max(
      16,
      ...texts.map((t) => doc.heightOfString(t.text, { width: t.width - 4 }) + 6),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 16) {
      doc.addPage();
      heading();
    }
    let x = left;
    const y = doc.y;
    for (const t of texts) {
      doc.rect(x, y, t.width, height).stroke();
      doc.text(t.text, x + 2, y + 3, { width: t.width - 4 });
      x += t.width;
    }
    doc.y = y + height;
  });
  if (rows.length === 0) doc.text('Chưa có văn bằng nào trong sổ.');
  return finishPdf(doc);
}

type Field = readonly [label: string, value: string | null | undefined];

/**
 * Label and value rows in two columns, each row as tall as its taller side
 * and placed at an explicit height, so that nothing prints over anything
 * whichever fields are empty (an empty value leaves its row blank; before,
 * an empty value after a `continued` label let the next label print over it).
 */
function fieldRows(doc: Pdf, rows: readonly Field[], fontSize: number, labelWidth = 170): void {
  const left = doc.page.margins.left;
  const valueX = left + labelWidth;
  const valueWidth = doc.page.width - doc.page.margins.right - valueX;
  doc.fontSize(fontSize);
  for (const [label, value] of rows) {
    const text = value?.trim() ?? '';
    const labelHeight = doc.font('bold').heightOfString(`${label}:`, { width: labelWidth - 8 });
    const valueHeight = text ? doc.font('regular').heightOfString(text, { width: valueWidth }) : 0;
    const height = Math.max(labelHeight, valueHeight);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 24) doc.addPage();
    const y = doc.y;
    doc.font('bold').text(`${label}:`, left, y, { width: labelWidth - 8 });
    if (text) doc.font('regular').text(text, valueX, y, { width: valueWidth });
    doc.x = left;
    doc.y = y + height + 3;
  }
  doc.font('regular');
}

/** One diploma's data sheet, with the offline-verifiable QR printed 3 cm wide. */
export async function dataSheetPdf(d: DiplomaDetail, authorityName: string): Promise<Buffer> {
  const doc = newPdf({ layout: 'portrait', title: `Văn bằng ${d.serialNumber}` });
  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.fontSize(11).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.moveDown();
  doc.fontSize(10).text(authorityName.toUpperCase(), { align: 'center' });
  doc.moveDown();
  doc.fontSize(14).text('THÔNG TIN VĂN BẰNG', { align: 'center' });
  doc.font('regular').fontSize(10).text(TYPE_TITLE[d.diplomaType], { align: 'center' });
  doc.moveDown();
  fieldRows(
    doc,
    [
      ['Họ và tên', d.fullName],
      ['Ngày sinh', formatVietnameseDate(d.birthDate)],
      ['Nơi sinh', d.birthPlace],
      ['Giới tính', GENDER[d.gender]],
      ['Dân tộc', d.ethnicity],
      ['Trường', d.schoolName],
      ['Hội đồng thi', d.examCouncil],
      ['Năm tốt nghiệp', String(d.graduationYear)],
      [
        'Quyết định công nhận tốt nghiệp',
        `${d.decisionNumber} ngày ${formatVietnameseDate(d.decisionDate)}`,
      ],
      ['Số hiệu', d.serialNumber],
      ['Số vào sổ gốc', d.registerNumber],
      ['Ngày cấp', formatVietnameseDate(d.issueDate)],
      ['Người ký', `${d.signerTitle} ${d.signerName}`],
      [
        'Tình trạng',
        d.status === 'revoked'
          ? 'Đã thu hồi'
          : d.status === 'corrected'
            ? 'Hợp lệ (đã chỉnh sửa)'
            : 'Hợp lệ',
      ],
      ['Ghi chú', d.notes],
    ],
    10,
  );
  doc.moveDown();
  const qr = await QRCode.toBuffer(d.qr, { errorCorrectionLevel: 'M', margin: 1, scale: 8 });
  const size = (30 / 25.4) * 72; // 3 cm in points
  if (doc.y + size > doc.page.height - doc.page.margins.bottom - 24) doc.addPage();
  const y = doc.y;
  doc.image(qr, doc.page.margins.left, y, { width: size, height: size });
  doc
    .fontSize(8)
    .text(
      'Quét mã QR bằng trang Xác minh văn bằng (/xac-minh) để kiểm tra chữ ký số của Sở, kể cả khi không có mạng.',
      doc.page.margins.left + size + 12,
      y + 8,
      { width: 300 },
    );
  return finishPdf(doc);
}

export interface CopyEntry {
  copyNumber: string;
  requester: string;
  copies: number;
  issuedOn: string;
}

/**
 * A certified copy from the register (bản sao từ sổ gốc): the register's
 * content of the entry, as it stands after corrections, with the copy book
 * number. It is a copy, never a second original, and says so.
 */
export async function copyPdf(
  d: DiplomaDetail,
  copy: CopyEntry,
  authorityName: string,
): Promise<Buffer> {
  const doc = newPdf({ layout: 'portrait', title: `Bản sao ${copy.copyNumber}` });
  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.fontSize(11).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.moveDown();
  doc.fontSize(10).text(authorityName.toUpperCase(), { align: 'center' });
  doc.font('regular').text(`Số vào sổ cấp bản sao: ${copy.copyNumber}`, { align: 'center' });
  doc.moveDown();
  doc.font('bold').fontSize(14).text('BẢN SAO TỪ SỔ GỐC', { align: 'center' });
  doc.fontSize(11).text(TYPE_TITLE[d.diplomaType], { align: 'center' });
  doc.moveDown();
  const corrections = d.history.filter((e) => e.kind === 'correction');
  fieldRows(
    doc,
    [
      ['Họ và tên', d.fullName],
      ['Ngày sinh', formatVietnameseDate(d.birthDate)],
      ['Nơi sinh', d.birthPlace],
      ['Giới tính', GENDER[d.gender]],
      ['Dân tộc', d.ethnicity],
      ['Trường / Hội đồng thi', [d.schoolName, d.examCouncil].filter(Boolean).join(' — ')],
      ['Năm tốt nghiệp', String(d.graduationYear)],
      [
        'Quyết định công nhận tốt nghiệp',
        `${d.decisionNumber} ngày ${formatVietnameseDate(d.decisionDate)}`,
      ],
      ['Số hiệu văn bằng', d.serialNumber],
      ['Số vào sổ gốc', d.registerNumber],
      ['Ngày cấp bản chính', formatVietnameseDate(d.issueDate)],
      ['Người ký bản chính', `${d.signerTitle} ${d.signerName}`],
      ...(corrections.length > 0
        ? [
            [
              'Đã chỉnh sửa theo',
              corrections
                .map(
                  (e) =>
                    `${e.decisionNumber ?? ''} ngày ${formatVietnameseDate(e.decisionDate ?? '')}`,
                )
                .join('; '),
            ] as const,
          ]
        : []),
    ],
    10,
  );
  doc.moveDown();
  fieldRows(
    doc,
    [
      ['Người đề nghị cấp bản sao', copy.requester],
      ['Số bản', String(copy.copies)],
    ],
    10,
  );
  doc.moveDown();
  doc
    .font('regular')
    .fontSize(9)
    .text(
      'Bản sao này được cấp từ sổ gốc cấp văn bằng và có giá trị sử dụng thay cho bản chính; ' +
        'không cấp lại bản chính văn bằng (Thông tư 21/2019/TT-BGDĐT).',
    );
  doc.moveDown();
  doc
    .fontSize(10)
    .text(`Ngày ${formatVietnameseDate(copy.issuedOn)}`, { align: 'right' })
    .font('bold')
    .text('THỦ TRƯỞNG ĐƠN VỊ', { align: 'right' })
    .font('regular')
    .fontSize(9)
    .text('(Ký, ghi rõ họ tên và đóng dấu)', { align: 'right' });
  return finishPdf(doc);
}
