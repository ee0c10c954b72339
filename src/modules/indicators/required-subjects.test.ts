import { describe, expect, it } from 'vitest';
import type { SchoolLevel } from '../../db/schema.ts';
import { curriculumOn } from './curriculum.ts';
import { requiredSubjectGaps } from './required-subjects.ts';

const curriculum = curriculumOn('2026-09-30')!;
const teacher = (
  school_id: string,
  main_subject: string,
  level_taught: SchoolLevel | null = null,
) => ({
  school_id,
  main_subject,
  level_taught,
  teachers: 1,
});
const names = (gaps: ReturnType<typeof requiredSubjectGaps>) =>
  gaps.map((g) => [g.schoolId, g.level, g.subjects.map((s) => s.name.vi)]);

describe('schools with no teacher of a required subject', () => {
  it('checks the subjects of the grades a primary school has classes in', () => {
    const schools = [{ id: 'P', levels: ['primary'] as SchoolLevel[] }];
    // Grade 1 only: no foreign language nor IT (grades 3–5) is required.
    const grade1 = [{ school_id: 'P', level: 'primary' as const, grade: 1, classes: 2 }];
    const staff = [teacher('P', 'Giáo viên tiểu học'), teacher('P', 'Âm nhạc')];
    expect(names(requiredSubjectGaps(curriculum, schools, grade1, staff))).toEqual([
      ['P', 'primary', ['Giáo dục thể chất (tiểu học)', 'Mĩ thuật (tiểu học)']],
    ]);
    // With a grade 3 class, the foreign language and IT are required too.
    const withGrade3 = [
      ...grade1,
      { school_id: 'P', level: 'primary' as const, grade: 3, classes: 1 },
    ];
    const more = [
      ...staff,
      teacher('P', 'Thể dục'),
      teacher('P', 'Mỹ thuật'),
      teacher('P', 'Tiếng Anh'),
    ];
    expect(names(requiredSubjectGaps(curriculum, schools, withGrade3, more))).toEqual([
      ['P', 'primary', ['Tin học và Công nghệ (tiểu học)']],
    ]);
    // Everything taught: no gap; a school without classes in the year is not listed.
    expect(
      requiredSubjectGaps(curriculum, schools, withGrade3, [...more, teacher('P', 'Tin học')]),
    ).toEqual([]);
    expect(requiredSubjectGaps(curriculum, schools, [], [])).toEqual([]);
  });

  it('counts a teacher of a multi-level school at the level taught, else the highest level', () => {
    const schools = [{ id: 'M', levels: ['lower_secondary', 'upper_secondary'] as SchoolLevel[] }];
    const classes = [
      { school_id: 'M', level: 'lower_secondary' as const, grade: 6, classes: 1 },
      { school_id: 'M', level: 'upper_secondary' as const, grade: 10, classes: 1 },
    ];
    const lower = [
      'Ngữ văn',
      'Tiếng Anh',
      'GDCD',
      'Lịch sử',
      'Vật lí', // counts on Khoa học tự nhiên
      'Công nghệ',
      'Tin học',
      'Thể dục',
      'Âm nhạc',
      'Mĩ thuật',
    ].map((s) => teacher('M', s, 'lower_secondary'));
    const upper = ['Ngữ văn', 'Tiếng Anh', 'Lịch sử', 'Thể dục', 'GDQP'].map((s) =>
      teacher('M', s, 'upper_secondary'),
    );
    // One mathematics teacher, no level recorded: counted in upper secondary only.
    const staff = [...lower, ...upper, teacher('M', 'Toán')];
    expect(names(requiredSubjectGaps(curriculum, schools, classes, staff))).toEqual([
      ['M', 'lower_secondary', ['Toán (THCS)']],
    ]);
    // Recorded as teaching lower secondary: the gap moves up.
    const moved = [...lower, ...upper, teacher('M', 'Toán', 'lower_secondary')];
    expect(names(requiredSubjectGaps(curriculum, schools, classes, moved))).toEqual([
      ['M', 'upper_secondary', ['Toán (THPT)']],
    ]);
  });
});
