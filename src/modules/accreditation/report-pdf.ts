import { finishPdf, newPdf } from '../../lib/pdf.ts';
import type { ReportModel } from './report-model.ts';

const MM = 72 / 25.4;

/** The same report as PDF (A4, Decree 30 margins; DejaVu Sans for every Vietnamese letter). */
export async function reportPdf(model: ReportModel): Promise<Buffer> {
  const doc = newPdf({
    layout: 'portrait',
    title: `Báo cáo tự đánh giá - ${model.school}`,
    margin: 20 * MM,
  });
  doc.page.margins.left = 30 * MM;
  doc.page.margins.right = 15 * MM;
  const left = 30 * MM;
  const width = doc.page.width - left - 15 * MM;
  const half = width / 2;
  const top = doc.y;
  doc.fontSize(10).text(model.unitAbove.toUpperCase(), left, top, { width: half, align: 'center' });
  doc.font('bold').text(model.school.toUpperCase(), { width: half, align: 'center' });
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half, top, {
    width: half,
    align: 'center',
  });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: half, align: 'center' });
  doc.font('regular').moveDown(2);
  for (const b of model.blocks) {
    doc.x = left;
    if (b.kind === 'title')
      doc.font('bold').fontSize(14).text(b.text, { width, align: 'center' }).moveDown(0.5);
    else if (b.kind === 'heading')
      doc.font('bold').fontSize(12).moveDown(0.5).text(b.text, { width });
    else if (b.kind === 'subheading')
      doc.font('bold').fontSize(11).moveDown(0.3).text(b.text, { width });
    else if (b.kind === 'label') doc.font('bold').fontSize(10).text(b.text, { width });
    else if (b.kind === 'paragraph')
      doc.font('regular').fontSize(10).text(b.text, { width, align: 'justify' });
    else if (b.kind === 'table') {
      const cols = b.header.length;
      const colWidth = width / cols;
      const row = (cells: string[], bold: boolean) => {
        doc.font(bold ? 'bold' : 'regular').fontSize(8);
        const height =
          Math.max(...cells.map((c) => doc.heightOfString(c || ' ', { width: colWidth - 4 }))) + 4;
        if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        cells.forEach((c, i) => {
          doc.rect(left + i * colWidth, y, colWidth, height).stroke();
          doc.text(c, left + i * colWidth + 2, y + 2, { width: colWidth - 4 });
        });
        doc.x = left;
        doc.y = y + height;
      };
      row(b.header, true);
      for (const r of b.rows) row(r, false);
      doc.moveDown(0.5);
    }
  }
  return finishPdf(doc);
}
