/** Plain CSV of the admissions commands (admissions-campaign.md: no quoting needed). */
import { readFileSync } from 'node:fs';

export class UnreadableFileError extends Error {}

/** Rows as objects of the named columns; a missing column or an unreadable file throws. */
export function readCsv(
  file: string,
  columns: readonly string[],
  optional: readonly string[] = [],
): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UnreadableFileError(`${file}: không mở được tệp để đọc.`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  for (const c of columns)
    if (!header.includes(c)) throw new UnreadableFileError(`${file}:1: thiếu cột "${c}".`);
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const present = [...columns, ...optional.filter((c) => header.includes(c))];
    return Object.fromEntries(present.map((c) => [c, (cells[header.indexOf(c)] ?? '').trim()]));
  });
}

export function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
