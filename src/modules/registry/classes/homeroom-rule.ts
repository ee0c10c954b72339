import type { Db } from '../../../db/connection.ts';
import { conflict } from '../../../core/errors.ts';
import type { ClassRow } from '../contract.ts';
import { homeroomClasses, homeroomOneClassRule, homeroomPerson } from './repo.ts';

type Warning = ClassRow['warnings'][number];

const names = (classes: { name: string }[]) => classes.map((c) => c.name).join(', ');

/**
 * A homeroom teacher (GVCN) heading other classes of the same year: a
 * warning, or a 409 that changes nothing when the school's year says one
 * class each (profile `homeroomOneClass`). Call it inside the save's
 * transaction after `lockHomeroom`.
 */
export async function checkHomeroomLoad(db: Db, input: HomeroomCheck): Promise<Warning[]> {
  return homeroomLoad(db, input, true);
}

/** The warning alone, for a teacher kept on a class (the rule refuses new choices only). */
export async function homeroomWarnings(db: Db, input: HomeroomCheck): Promise<Warning[]> {
  return homeroomLoad(db, input, false);
}

interface HomeroomCheck {
  schoolId: string;
  schoolYear: string;
  staffId: string | null;
  classId?: string;
}

async function homeroomLoad(db: Db, input: HomeroomCheck, enforce: boolean): Promise<Warning[]> {
  if (!input.staffId) return [];
  const others = await homeroomClasses(db, input.staffId, input.schoolYear, input.classId);
  if (others.length === 0) return [];
  const who = (await homeroomPerson(db, input.staffId))?.full_name ?? 'Giáo viên này';
  if (enforce && (await homeroomOneClassRule(db, input.schoolId, input.schoolYear)))
    throw conflict(
      `${who} đã chủ nhiệm lớp ${names(others)} năm học ${input.schoolYear}; trường quy định mỗi giáo viên chủ nhiệm một lớp. Chưa lưu gì: hãy chọn giáo viên khác hoặc bỏ phân công ở lớp kia trước.`,
      [{ path: 'homeroomStaffId', message: `Đã chủ nhiệm lớp ${names(others)}.` }],
    );
  return [
    {
      path: 'homeroomStaffId',
      message: `${who} cũng đang chủ nhiệm lớp ${names(others)} năm học ${input.schoolYear}.`,
    },
  ];
}

/** The same warning for each row of a school's class list of one year, from the rows alone. */
export function withHomeroomWarnings(rows: ClassRow[]): ClassRow[] {
  const byTeacher = new Map<string, ClassRow[]>();
  for (const row of rows)
    if (row.homeroom)
      byTeacher.set(row.homeroom.id, [...(byTeacher.get(row.homeroom.id) ?? []), row]);
  return rows.map((row) => {
    const others = row.homeroom
      ? (byTeacher.get(row.homeroom.id) ?? []).filter((r) => r.id !== row.id)
      : [];
    if (!row.homeroom || others.length === 0) return row;
    return {
      ...row,
      warnings: [
        {
          path: 'homeroomStaffId',
          message: `${row.homeroom.fullName} cũng đang chủ nhiệm lớp ${names(others)} năm học ${row.schoolYear}.`,
        },
      ],
    };
  });
}
