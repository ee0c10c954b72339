import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDFs with a Unicode font embedded (DejaVu Sans, from the dejavu-fonts-ttf
 * package: every Vietnamese letter and tone mark), so a register prints the
 * same on any machine, offline.
 */
const require = createRequire(import.meta.url);
export const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type Pdf = PDFKit.PDFDocument;

export function newPdf(options: {
  layout: 'portrait' | 'landscape';
  title: string;
  margin?: number;
}): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margin: options.margin ?? 36,
    bufferPages: true,
    info: { Title: options.title, Producer: 'sogd' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular');
  return doc;
}

/** "Trang x/y" at the foot of every page, then the finished bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .text(`Trang ${i + 1}/${range.count}`, 0, doc.page.height - 24, {
        width: doc.page.width,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
