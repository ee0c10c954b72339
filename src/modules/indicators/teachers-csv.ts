/**
 * `sogd reports teachers`: the teacher norm report as CSV, exactly per
 * docs/formats/reports-teachers.md. The command runs as the operator of the
 * installation (no account), over the whole tree or one unit's subtree.
 */
import { writeFile } from 'node:fs/promises';
import type { Db } from '../../db/connection.ts';
import { formatCents } from './norms.ts';
import { rootUnit, unitByCode, yearKnown } from './repo.ts';
import { NoNormsError, teacherRows, type TeacherRow } from './teacher-rows.ts';

/** A usage problem the command reports with exit code 2. */
export class UsageError extends Error {}

export const TEACHERS_CSV_HEADER =
  'school_code,level,classes,classes_two_sessions,teachers,norm,difference';

/** A school code may hold a comma or a quote: quote the field then (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function teachersCsv(rows: readonly TeacherRow[]): string {
  const lines = [TEACHERS_CSV_HEADER];
  for (const r of rows)
    lines.push(
      [
        field(r.schoolCode),
        r.level,
        r.classes,
        r.classesTwoSessions,
        r.teachers,
        formatCents(r.normCents),
        formatCents(r.differenceCents),
      ].join(','),
    );
  return lines.join('\n') + '\n';
}

export async function writeTeachersReport(
  db: Db,
  options: { year: string; out: string; unit?: string | undefined },
): Promise<{ schools: number; rows: number }> {
  if (
    !/^\d{4}-\d{4}$/.test(options.year) ||
    Number(options.year.slice(5)) !== Number(options.year.slice(0, 4)) + 1
  )
    throw new UsageError(`Năm học "${options.year}" không hợp lệ: cần dạng 2026-2027.`);
  const unit = options.unit ? await unitByCode(db, options.unit) : await rootUnit(db);
  if (!unit)
    throw new UsageError(
      options.unit ? `Không có đơn vị mã "${options.unit}".` : 'Chưa có cây đơn vị.',
    );
  if (!(await yearKnown(db, options.year)))
    throw new UsageError(`Năm học ${options.year} chưa có lớp nào trong dữ liệu.`);
  let rows: TeacherRow[];
  try {
    rows = await teacherRows(db, unit.path, options.year);
  } catch (error) {
    if (error instanceof NoNormsError)
      throw new UsageError(`Chưa có định mức giáo viên áp dụng cho năm học ${options.year}.`);
    throw error;
  }
  await writeFile(options.out, teachersCsv(rows), 'utf8');
  return { schools: new Set(rows.map((r) => r.schoolId)).size, rows: rows.length };
}
