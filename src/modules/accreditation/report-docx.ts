import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportModel } from './report-model.ts';

const MM = 56.7; // twips per millimetre

/**
 * The report as DOCX in the layout of Decree 30/2020/NĐ-CP Annex I (A4;
 * margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt;
 * the issuing body top left, the national motto top right).
 */
export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const font = 'Times New Roman';
  const run = (text: string, extra: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new TextRun({
      text,
      font,
      size: extra.size ?? 26,
      bold: extra.bold ?? false,
      italics: extra.italics ?? false,
    });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 24 })] })] });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: 'none', size: 0, color: 'FFFFFF' },
      bottom: { style: 'none', size: 0, color: 'FFFFFF' },
      left: { style: 'none', size: 0, color: 'FFFFFF' },
      right: { style: 'none', size: 0, color: 'FFFFFF' },
      insideHorizontal: { style: 'none', size: 0, color: 'FFFFFF' },
      insideVertical: { style: 'none', size: 0, color: 'FFFFFF' },
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(model.unitAbove.toUpperCase(), { size: 24 })],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(model.school.toUpperCase(), { bold: true, size: 24 })],
              }),
            ],
          }),
          new TableCell({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run('Độc lập - Tự do - Hạnh phúc', { bold: true })],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const children: (Paragraph | Table)[] = [header, new Paragraph({ children: [] })];
  for (const b of model.blocks) {
    if (b.kind === 'table') {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }),
            ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        }),
      );
      children.push(new Paragraph({ children: [] }));
    } else if (b.kind === 'title')
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 240, after: 120 },
          children: [run(b.text, { bold: true, size: 28 })],
        }),
      );
    else if (b.kind === 'heading')
      children.push(
        new Paragraph({
          spacing: { before: 240, after: 120 },
          children: [run(b.text, { bold: true })],
        }),
      );
    else if (b.kind === 'subheading')
      children.push(
        new Paragraph({
          spacing: { before: 120, after: 60 },
          children: [run(b.text, { bold: true, italics: true })],
        }),
      );
    else if (b.kind === 'label')
      children.push(new Paragraph({ children: [run(b.text, { italics: true })] }));
    else
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: Math.round(10 * MM) },
          spacing: { after: 60 },
          children: [run(b.text)],
        }),
      );
  }
  const doc = new Document({
    creator: 'sogd',
    title: `Báo cáo tự đánh giá - ${model.school}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
