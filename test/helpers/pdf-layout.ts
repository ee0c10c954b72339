import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A text run of a PDF and its box, in points from the page's bottom left. */
export interface TextBox {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every text run of the PDF with its box (pdfjs: baseline origin, width, height). */
export async function textBoxes(bytes: Buffer): Promise<TextBox[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const boxes: TextBox[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      boxes.push({
        page: p,
        text: item.str,
        x0: x!,
        y0: y!,
        x1: x! + item.width,
        y1: y! + item.height,
      });
    }
  }
  return boxes;
}

/** Pairs of boxes on one page that cover each other by more than half a point each way. */
export function overlaps(boxes: TextBox[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.page !== b.page) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 0.5 && h > 0.5) found.push(`"${a.text}" × "${b.text}" (trang ${a.page})`);
    }
  return found;
}
