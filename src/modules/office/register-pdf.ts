import type { Db } from '../../db/connection.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import { registerRows } from './export-register.ts';
import { findUnit } from './repo.ts';

/** Relative widths of the columns, in the order of export-register.ts's headers. */
const WIDTHS = {
  outgoing: [1.3, 1, 3.2, 1.2, 2.2, 0.9, 1, 0.9],
  incoming: [0.9, 0.6, 0.7, 1.6, 1.3, 0.9, 3, 1.3, 0.9, 0.9],
};

/**
 * A year's register printed as Decree 30/2020's layout (Annex VI: sổ đăng ký
 * văn bản đi / đến, on A4 landscape): the unit and the year on top, then one
 * row per document with the register's columns, headers repeated on every
 * page, "Trang x/y" at the foot. Same rows as the xlsx.
 */
export async function registerPdf(
  db: Db,
  caller: Caller,
  input: { kind: 'outgoing' | 'incoming'; year?: number | undefined },
): Promise<Buffer> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const unit = await findUnit(db, unitId);
  const { year, headers, rows } = await registerRows(db, unitId, input);
  const heading = input.kind === 'outgoing' ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐI' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';
  const doc = newPdf({ layout: 'landscape', title: `${heading} ${year}`, margin: 36 });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const weights = WIDTHS[input.kind];
  const total = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => (w / total) * width);
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 12;

  doc
    .font('bold')
    .fontSize(11)
    .text((unit?.name ?? '').toUpperCase(), { align: 'left' });
  doc.moveDown(0.5).fontSize(14).text(heading, { align: 'center' });
  doc.font('regular').fontSize(11).text(`Năm ${year}`, { align: 'center' }).moveDown(0.8);

  const rowHeight = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(8);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 2 * pad })), 10) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    const h = rowHeight(cells, font);
    let y = doc.y;
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      if (font === 'regular') y = drawRowAt(headers, 'bold', y);
    }
    doc.y = drawRowAt(cells, font, y);
  };
  const drawRowAt = (cells: string[], font: 'regular' | 'bold', y: number) => {
    const h = rowHeight(cells, font);
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i]!, h).lineWidth(0.5).stroke();
      doc
        .font(font)
        .fontSize(8)
        .text(c, x + pad, y + pad, {
          width: cols[i]! - 2 * pad,
          align: font === 'bold' ? 'center' : 'left',
        });
      x += cols[i]!;
    });
    return y + h;
  };
  drawRow(headers, 'bold');
  drawRow(
    headers.map((_, i) => `(${i + 1})`),
    'bold',
  );
  for (const row of rows)
    drawRow(
      row.map((c) => (c === null ? '' : String(c))),
      'regular',
    );
  if (!rows.length)
    doc
      .font('regular')
      .fontSize(9)
      .text('Chưa có văn bản nào trong sổ.', left, doc.y + 6);
  return finishPdf(doc);
}
