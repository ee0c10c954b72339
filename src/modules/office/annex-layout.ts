import { createRequire } from 'node:module';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';

/**
 * An administrative document laid out as Decree 30/2020/NĐ-CP Annex I
 * (thể thức và kỹ thuật trình bày): A4 portrait; margins top and bottom
 * 20 mm, left 30 mm, right 15 mm (Annex I §I.4: 20–25, 20–25, 30–35,
 * 15–20 mm); the agency's name top left (its parent above it), the national
 * motto top right, number and notation under the agency, place and date in
 * italics under the motto, the type's name and the subject centred in bold,
 * the body justified at 14 pt, the signing block on the right with its
 * authority (TM./KT./TL./TUQ.), "Nơi nhận" at 12/11 pt on the left. Font:
 * Times New Roman in the DOCX (what the Annex names); the PDF embeds
 * DejaVu Serif Condensed, which does not share its metrics (serifFonts).
 */
export interface AnnexDocument {
  parentName: string | null;
  agencyName: string;
  notation: string;
  place: string;
  /** yyyy-mm-dd */
  date: string;
  typeName: string;
  /** Letters (công văn) have no type name: the subject goes under the number as "V/v …". */
  isLetter: boolean;
  subject: string;
  body: string;
  authority: 'TM' | 'KT' | 'TL' | 'TUQ' | null;
  /** Whose name the authority is exercised in, e.g. "GIÁM ĐỐC". */
  onBehalfOf: string | null;
  signerTitle: string;
  signerName: string;
  recipients: string[];
}

const MM = 72 / 25.4;
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };

/** "Hà Nội, ngày 05 tháng 3 năm 2026" (Annex I §II.4: days below 10 and months 1, 2 with a leading zero). */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

function signingLines(doc: AnnexDocument): string[] {
  const lines: string[] = [];
  if (doc.authority && doc.onBehalfOf)
    lines.push(`${doc.authority}. ${doc.onBehalfOf.toUpperCase()}`);
  lines.push(doc.signerTitle.toUpperCase());
  return lines;
}

// ---------------------------------------------------------------- DOCX

export async function annexDocx(doc: AnnexDocument): Promise<Buffer> {
  const font = 'Times New Roman';
  const run = (
    text: string,
    o: { size: number; bold?: boolean; italics?: boolean; underline?: boolean },
  ) =>
    new TextRun({
      text,
      font,
      size: o.size * 2,
      bold: o.bold ?? false,
      italics: o.italics ?? false,
      ...(o.underline ? { underline: {} } : {}),
    });
  const p = (
    children: TextRun[],
    align: (typeof AlignmentType)[keyof typeof AlignmentType],
    after = 0,
  ) => new Paragraph({ children, alignment: align, spacing: { after } });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none };
  const cell = (children: Paragraph[], pct: number) =>
    new TableCell({ children, borders, width: { size: pct, type: WidthType.PERCENTAGE } });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...borders, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(doc.parentName
                ? [p([run(doc.parentName.toUpperCase(), { size: 12 })], AlignmentType.CENTER)]
                : []),
              p(
                [run(doc.agencyName.toUpperCase(), { size: 12, bold: true, underline: true })],
                AlignmentType.CENTER,
                120,
              ),
              p([run(`Số: ${doc.notation}`, { size: 13 })], AlignmentType.CENTER),
              ...(doc.isLetter
                ? [p([run(`V/v ${doc.subject}`, { size: 12 })], AlignmentType.CENTER)]
                : []),
            ],
            40,
          ),
          cell(
            [
              p(
                [run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })],
                AlignmentType.CENTER,
              ),
              p(
                [run('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true })],
                AlignmentType.CENTER,
                120,
              ),
              p(
                [run(placeAndDate(doc.place, doc.date), { size: 13, italics: true })],
                AlignmentType.CENTER,
              ),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const title = doc.isLetter
    ? []
    : [
        p([run(doc.typeName.toUpperCase(), { size: 14, bold: true })], AlignmentType.CENTER),
        p([run(doc.subject, { size: 14, bold: true })], AlignmentType.CENTER, 240),
      ];
  const body = doc.body
    .split(/\n+/)
    .filter(Boolean)
    .map(
      (line) =>
        new Paragraph({
          children: [run(line, { size: 14 })],
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 567 },
          spacing: { after: 120, line: 312 },
        }),
    );
  const footer = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...borders, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              p([run('Nơi nhận:', { size: 12, bold: true, italics: true })], AlignmentType.LEFT),
              ...doc.recipients.map((r, i) =>
                p(
                  [run(`- ${r}${i === doc.recipients.length - 1 ? '.' : ';'}`, { size: 11 })],
                  AlignmentType.LEFT,
                ),
              ),
            ],
            45,
          ),
          cell(
            [
              ...signingLines(doc).map((l) =>
                p([run(l, { size: 14, bold: true })], AlignmentType.CENTER),
              ),
              p([run(' ', { size: 14 })], AlignmentType.CENTER, 1200),
              p([run(doc.signerName, { size: 14, bold: true })], AlignmentType.CENTER),
            ],
            55,
          ),
        ],
      }),
    ],
  });
  const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
  const document = new Document({
    creator: 'sogd',
    title: `${doc.notation} ${doc.subject}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(MARGINS_MM.top),
              bottom: twips(MARGINS_MM.bottom),
              left: twips(MARGINS_MM.left),
              right: twips(MARGINS_MM.right),
            },
          },
        },
        children: [
          header,
          new Paragraph({ children: [] }),
          ...title,
          ...body,
          new Paragraph({ children: [] }),
          footer,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---------------------------------------------------------------- PDF

const require = createRequire(import.meta.url);
/**
 * DejaVu Serif Condensed, from the dejavu-fonts-ttf dependency: it has
 * every Vietnamese letter, and its width is near Times New Roman's. Liberation Serif (Times New Roman's metrics) as Debian
 * ships it on this machine lacks the letters with two marks or a dot
 * below (Ở, Ụ, Ệ …), so it is not used; a metric-compatible font with
 * Vietnamese (Tinos, Liberation 2.x) is not a dependency yet.
 */
function serifFonts(): {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
  name: string;
} {
  const dejavu = (f: string) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`);
  return {
    name: 'DejaVu Serif Condensed',
    regular: dejavu('DejaVuSerifCondensed.ttf'),
    bold: dejavu('DejaVuSerifCondensed-Bold.ttf'),
    italic: dejavu('DejaVuSerifCondensed-Italic.ttf'),
    boldItalic: dejavu('DejaVuSerifCondensed-BoldItalic.ttf'),
  };
}

export function annexPdf(doc: AnnexDocument): Promise<Buffer> {
  const fonts = serifFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: {
      top: MARGINS_MM.top * MM,
      bottom: MARGINS_MM.bottom * MM,
      left: MARGINS_MM.left * MM,
      right: MARGINS_MM.right * MM,
    },
    info: { Title: `${doc.notation} ${doc.subject}`, Producer: 'sogd' },
  });
  pdf.registerFont('r', fonts.regular);
  pdf.registerFont('b', fonts.bold);
  pdf.registerFont('i', fonts.italic);
  pdf.registerFont('bi', fonts.boldItalic);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const leftW = width * 0.4;
  const rightX = left + leftW;
  const rightW = width - leftW;
  const top = pdf.page.margins.top;
  const centred = (text: string, font: string, size: number, x: number, w: number, y?: number) => {
    pdf
      .font(font)
      .fontSize(size)
      .text(text, x, y ?? pdf.y, { width: w, align: 'center' });
  };
  const underline = (x: number, w: number, textWidth: number) => {
    const y = pdf.y + 1;
    const start = x + (w - textWidth) / 2;
    pdf
      .moveTo(start, y)
      .lineTo(start + textWidth, y)
      .lineWidth(0.5)
      .stroke();
    pdf.y += 4;
  };
  // Left column: the agency.
  pdf.y = top;
  if (doc.parentName) centred(doc.parentName.toUpperCase(), 'r', 12, left, leftW);
  centred(doc.agencyName.toUpperCase(), 'b', 12, left, leftW);
  underline(left, leftW, Math.min(leftW * 0.4, 80));
  centred(`Số: ${doc.notation}`, 'r', 13, left, leftW);
  if (doc.isLetter) centred(`V/v ${doc.subject}`, 'r', 12, left, leftW);
  const leftBottom = pdf.y;
  // Right column: the motto, place and date.
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'b', 12, rightX, rightW, top);
  centred('Độc lập - Tự do - Hạnh phúc', 'b', 13, rightX, rightW);
  underline(
    rightX,
    rightW,
    pdf.font('b').fontSize(13).widthOfString('Độc lập - Tự do - Hạnh phúc'),
  );
  pdf.y += 4;
  centred(placeAndDate(doc.place, doc.date), 'i', 13, rightX, rightW);
  pdf.y = Math.max(pdf.y, leftBottom) + 18;
  if (!doc.isLetter) {
    centred(doc.typeName.toUpperCase(), 'b', 14, left, width);
    centred(doc.subject, 'b', 14, left, width);
    pdf.y += 12;
  }
  for (const line of doc.body.split(/\n+/).filter(Boolean))
    pdf
      .font('r')
      .fontSize(14)
      .text(line, left, pdf.y, {
        width,
        align: 'justify',
        indent: 10 * MM,
        lineGap: 2,
        paragraphGap: 6,
      });
  pdf.y += 12;
  if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 150) pdf.addPage();
  const blockTop = pdf.y;
  // Signing block on the right.
  const signX = left + width * 0.45;
  const signW = width * 0.55;
  for (const l of signingLines(doc)) centred(l, 'b', 14, signX, signW);
  pdf.y += 70;
  centred(doc.signerName, 'b', 14, signX, signW);
  const signBottom = pdf.y;
  // Recipients on the left.
  pdf
    .font('bi')
    .fontSize(12)
    .text('Nơi nhận:', left, blockTop, { width: width * 0.45 });
  doc.recipients.forEach((r, i) =>
    pdf
      .font('r')
      .fontSize(11)
      .text(`- ${r}${i === doc.recipients.length - 1 ? '.' : ';'}`, left, pdf.y, {
        width: width * 0.45,
      }),
  );
  pdf.y = Math.max(pdf.y, signBottom);
  pdf.end();
  return done;
}

export const annexFontName = () => serifFonts().name;
