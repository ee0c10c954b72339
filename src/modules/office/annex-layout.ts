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
 * Times New Roman in the DOCX (what the Annex names); the PDF embeds Tinos,
 * which has Times New Roman's metrics and every Vietnamese letter (serifFonts).
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
  /**
   * The digital signatures' images, drawn when the PDF is laid out to be
   * signed at once (sign-composed.ts); the DOCX never carries them.
   */
  signature?: AnnexSignature;
}

/**
 * What the signed PDF shows of its signatures (Decree 30/2020 Annex I,
 * "Chữ ký số của người có thẩm quyền" and "Chữ ký số của cơ quan, tổ chức"):
 * the signer's signature image, blue, centred between the title and the
 * name; the agency's seal, red, at its real size, over about a third of the
 * signature image on its left; the agency's name and the signing time
 * (date; hh:mm:ss; Việt Nam time zone, ISO 8601) in Times New Roman,
 * upright, 10 pt, black.
 */
export interface AnnexSignature {
  signerName: string;
  organisation: string;
  signedAt: Date;
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
 * Tinos (Google's Times New Roman metric-compatible serif, SIL OFL 1.1), as
 * TTF from the @expo-google-fonts/tinos package: the same widths as Times
 * New Roman, so the PDF breaks lines where the DOCX does, and every
 * Vietnamese letter (Ở, Ụ, Ệ…). Liberation Serif as Debian ships it here
 * lacks the letters with two marks or a dot below; the @fontsource package
 * of Tinos splits the Vietnamese letters into a separate web-font subset.
 */
function serifFonts(): {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
  name: string;
} {
  const tinos = (f: string) => require.resolve(`@expo-google-fonts/tinos/${f}`);
  return {
    name: 'Tinos',
    regular: tinos('400Regular/Tinos_400Regular.ttf'),
    bold: tinos('700Bold/Tinos_700Bold.ttf'),
    italic: tinos('400Regular_Italic/Tinos_400Regular_Italic.ttf'),
    boldItalic: tinos('700Bold_Italic/Tinos_700Bold_Italic.ttf'),
  };
}

/** "2026-12-03T17:55:12+07:00": the signing time in Việt Nam time (UTC+7, no summer time), ISO 8601. */
export function vietnamIso(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}

/**
 * The images are drawn as vector graphics, not PNG files: no image of a real
 * seal or signature is kept by sogd. A seal of 36 mm, the usual size of an
 * agency's round seal; sogd does not record the real size of each unit's.
 */
export const SEAL_DIAMETER_MM = 36;
/** The seal's red and the signature's blue (Annex I: "màu đỏ", "màu xanh"). */
export const SEAL_RED = '#d7191c';
export const SIGNATURE_BLUE = '#1c3faa';
const SIGNED_GAP = 126;

/** The agency's round seal: two rings, its name around the top, a star in the middle. */
function drawSeal(pdf: PDFKit.PDFDocument, cx: number, cy: number, organisation: string): void {
  const r = (SEAL_DIAMETER_MM * MM) / 2;
  pdf.save();
  pdf.opacity(0.85).strokeColor(SEAL_RED).fillColor(SEAL_RED);
  pdf
    .lineWidth(2.2)
    .circle(cx, cy, r - 1.1)
    .stroke();
  pdf
    .lineWidth(0.8)
    .circle(cx, cy, r * 0.62)
    .stroke();
  // The name along the ring, centred on the top, each letter turned to face the centre.
  const name = organisation.toUpperCase();
  const ring = r - 4;
  let size = 8;
  const widthAt = (s: number) => pdf.font('b').fontSize(s).widthOfString(name) + name.length * 0.6;
  while (size > 5 && widthAt(size) > ring * 2 * Math.PI * 0.8) size -= 0.5;
  pdf.font('b').fontSize(size);
  let angle = -widthAt(size) / ring / 2;
  for (const ch of name) {
    const w = pdf.widthOfString(ch) + 0.6;
    const mid = angle + w / ring / 2;
    const x = cx + ring * Math.sin(mid);
    const y = cy - ring * Math.cos(mid);
    pdf.save();
    pdf.rotate((mid * 180) / Math.PI, { origin: [x, y] });
    pdf.text(ch, x - w / 2, y, { lineBreak: false });
    pdf.restore();
    angle += w / ring;
  }
  // A five-pointed star in the middle.
  const outer = r * 0.24;
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const a = (i * Math.PI) / 5;
    const rr = i % 2 ? inner : outer;
    points.push([cx + rr * Math.sin(a), cy - rr * Math.cos(a)]);
  }
  pdf.polygon(...points).fill();
  pdf.restore();
}

/** The signer's signature image: a few blue strokes in a box of `w` × `h` at (x, y). */
function drawSignatureImage(pdf: PDFKit.PDFDocument, x: number, y: number, w: number, h: number) {
  const px = (f: number) => x + f * w;
  const py = (f: number) => y + f * h;
  pdf.save();
  pdf.strokeColor(SIGNATURE_BLUE).lineWidth(1.4).lineCap('round').lineJoin('round');
  pdf
    .moveTo(px(0.05), py(0.7))
    .bezierCurveTo(px(0.12), py(0.05), px(0.22), py(0.05), px(0.2), py(0.55))
    .bezierCurveTo(px(0.18), py(0.95), px(0.32), py(0.2), px(0.4), py(0.45))
    .bezierCurveTo(px(0.46), py(0.7), px(0.52), py(0.15), px(0.6), py(0.4))
    .bezierCurveTo(px(0.68), py(0.65), px(0.74), py(0.2), px(0.82), py(0.35))
    .bezierCurveTo(px(0.9), py(0.5), px(0.95), py(0.3), px(0.98), py(0.25))
    .stroke();
  pdf
    .lineWidth(1)
    .moveTo(px(0.1), py(0.88))
    .bezierCurveTo(px(0.4), py(0.75), px(0.7), py(0.98), px(0.95), py(0.8))
    .stroke();
  pdf.restore();
}

/**
 * The signature block's images and text between the title and the name,
 * from `top` (Annex I): the signature image centred, the seal over its left
 * third, the agency, signer and time to the right of the seal.
 */
function drawSignatures(
  pdf: PDFKit.PDFDocument,
  sig: AnnexSignature,
  block: { x: number; w: number; top: number },
): void {
  const cx = block.x + block.w / 2;
  const imgW = 110;
  const imgH = 44;
  const imgX = cx - imgW / 2;
  drawSignatureImage(pdf, imgX, block.top + 6, imgW, imgH);
  const r = (SEAL_DIAMETER_MM * MM) / 2;
  // The seal's right edge a third of the way into the signature image.
  const sealCx = imgX + imgW / 3 - r;
  drawSeal(pdf, sealCx, block.top + r + 4, sig.organisation);
  const textX = sealCx + r + 3;
  const textW = block.x + block.w - textX;
  pdf.fillColor('black').font('r').fontSize(10);
  let y = block.top + imgH + 10;
  for (const line of [
    `Ký bởi: ${sig.signerName}`,
    `Cơ quan: ${sig.organisation}`,
    'Thời gian ký:',
    vietnamIso(sig.signedAt),
  ]) {
    pdf.text(line, textX, y, { width: textW });
    y = pdf.y;
  }
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
  if (pdf.y > pdf.page.height - pdf.page.margins.bottom - (doc.signature ? 210 : 150))
    pdf.addPage();
  const blockTop = pdf.y;
  // Signing block on the right.
  const signX = left + width * 0.45;
  const signW = width * 0.55;
  for (const l of signingLines(doc)) centred(l, 'b', 14, signX, signW);
  if (doc.signature) {
    const top = pdf.y;
    drawSignatures(pdf, doc.signature, { x: signX, w: signW, top });
    pdf.fillColor('black');
    pdf.y = top + SIGNED_GAP;
  } else pdf.y += 70;
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
