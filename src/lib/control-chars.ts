/**
 * Characters no text of ours may hold: the C0 controls except tab, line feed
 * and carriage return (free text keeps those), DEL, and UTF-16 surrogates
 * without their pair. PostgreSQL stores neither U+0000 (text and jsonb refuse
 * it) nor a lone surrogate (jsonb refuses its \uD800 escape), so they failed
 * only at the write, as a 500, after a dry run had passed; the other controls
 * are stored but are invisible in a name and break exports and search. Every
 * boundary (HTTP, spreadsheet cells, the command line) refuses them with the
 * place they were found. C1 controls (U+0080–U+009F) are stored fine and are
 * left alone.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A plain character class first: a list import tests millions of cells (about 60 ns each). */
// eslint-disable-next-line no-control-regex -- as above
const MAYBE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

/** The first forbidden character of `text` as "U+0000", or null when there is none. */
export function controlCharIn(text: string): string | null {
  if (!MAYBE_CONTROL.test(text)) return null;
  const match = CONTROL.exec(text);
  if (!match) return null;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every forbidden character written as \uXXXX, to name a place that holds one. */
export const showControlChars = (text: string): string =>
  text.replace(
    new RegExp(CONTROL.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The message for a field or an option: "chứa ký tự điều khiển không hợp lệ (mã U+0000)". */
export const controlCharMessage = (code: string): string =>
  `chứa ký tự điều khiển không hợp lệ (mã ${code})`;

/**
 * A spreadsheet cell's text (from cellText in xlsx.ts) with a control
 * character becomes a problem of its row and column (_x0000_ decodes to NUL),
 * so the dry run already refuses it; the text goes on without the character,
 * for the row's other checks.
 */
export function controlCharCell(cell: { text: string | null; problem?: string }): {
  text: string | null;
  problem?: string;
} {
  const code = cell.text === null || cell.problem ? null : controlCharIn(cell.text);
  if (code === null) return cell;
  return {
    text: cell.text!.replace(new RegExp(CONTROL.source, 'g'), '').trim() || null,
    problem: `ô chứa ký tự điều khiển (mã ${code}) không được phép: hãy xoá ký tự này (thường lẫn vào khi sao chép từ phần mềm khác) rồi nhập lại`,
  };
}
