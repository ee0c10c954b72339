import { describe, expect, it } from 'vitest';
import { validateStudent } from './student-fields.ts';

// Issue 13 item 19: a student's ethnic group is one of the 54 groups (or
// "Người nước ngoài"), typed in any usual spelling and kept under the list's name.
const student = (ethnicity: string | null) => ({
  fullName: 'Hồ Văn Nam',
  birthDate: '12/05/2012',
  gender: 'male' as const,
  ethnicity,
});

describe('a student’s ethnic group', () => {
  it('keeps a usual spelling under the list’s name, and an empty one empty', () => {
    expect(validateStudent(student('Mông')).ethnicity).toBe("H'Mông");
    expect(validateStudent(student('ede')).ethnicity).toBe('Ê Đê');
    expect(validateStudent(student('Bru - Vân Kiều')).ethnicity).toBe('Bru-Vân Kiều');
    expect(validateStudent(student('  ')).ethnicity).toBeNull();
    expect(validateStudent(student(null)).ethnicity).toBeNull();
  });

  it('refuses a name that is not a group, on its field', () => {
    let problem: { errors?: { path: string; message: string }[] } | undefined;
    try {
      validateStudent(student('Kinh tế'));
    } catch (e) {
      problem = e as typeof problem;
    }
    expect(problem?.errors).toEqual([
      {
        path: 'ethnicity',
        message: expect.stringContaining('không có trong danh mục 54 dân tộc') as string,
      },
    ]);
  });
});
