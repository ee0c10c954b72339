/** Request and answer schemas of the indicators module (the web imports this file). */
import { z } from 'zod';
import { fileAnswer, id, ownership, schoolLevel, schoolYear } from '../../core/contract.ts';

export * from './labels.ts';

const unitBrief = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(['department', 'office', 'commune', 'school', 'centre', 'other']),
});
export type UnitBrief = z.infer<typeof unitBrief>;

export const drillQuery = z.object({
  year: schoolYear.describe('Năm học, ví dụ 2026-2027'),
  unitId: z.string().max(64).optional().describe('Đơn vị xem (mặc định: đơn vị của tài khoản)'),
});

const teacherFigures = z.object({
  classes: z.number().int(),
  classesTwoSessions: z.number().int(),
  teachers: z.number().int(),
  /** Exact to the hundredth (the sums are kept in hundredths). */
  norm: z.number(),
  difference: z.number(),
});
export type TeacherFigures = z.infer<typeof teacherFigures>;
const levelFigures = teacherFigures.extend({ level: schoolLevel });

export const teacherReport = z.object({
  year: z.string(),
  unit: unitBrief,
  /** From the caller's own unit down to the unit's parent. */
  ancestors: z.array(unitBrief),
  total: z.array(levelFigures),
  /** One per child unit holding schools, with its sums per level. */
  children: z.array(
    z.object({ unit: unitBrief, levels: z.array(levelFigures), total: teacherFigures }),
  ),
  /** The school's own rows when the unit is a school. */
  schoolRows: z.array(levelFigures),
  /** The norms' sources, as the report cites them. */
  sources: z.array(z.string()),
});
export type TeacherReport = z.infer<typeof teacherReport>;

const generalLevel = z.enum(['primary', 'lower_secondary', 'upper_secondary']);
export const subjectNeed = z.object({
  year: z.string(),
  unit: unitBrief,
  ancestors: z.array(unitBrief),
  /** The programme and the teaching-load circulars applied. */
  sources: z.array(z.string()),
  /** Periods a week of a full load, per level. */
  loads: z.record(generalLevel, z.number().int()),
  subjects: z.array(
    z.object({
      id: z.string(),
      name: z.object({ vi: z.string(), en: z.string() }),
      level: generalLevel,
      /** Periods a year of the unit's classes (an exact integer). */
      periods: z.number().int(),
      /** Teachers needed: periods ÷ (load a week × 35), unrounded. */
      need: z.number(),
      /** Teachers whose main subject it is; null for what teachers of every subject teach. */
      teachers: z.number().int().nullable(),
      difference: z.number().nullable(),
      group: z.boolean(),
    }),
  ),
  levels: z.array(
    z.object({
      level: generalLevel,
      periods: z.number().int(),
      need: z.number(),
      /** Every teacher of the level, whatever the main subject. */
      teachers: z.number().int(),
      difference: z.number(),
      /** Teachers of the level whose main subject matches no subject of the table. */
      unmatched: z.number().int(),
    }),
  ),
});
export type SubjectNeed = z.infer<typeof subjectNeed>;

export const dashboardQuery = drillQuery.extend({
  level: schoolLevel.optional(),
  ownership: ownership.optional(),
});

const indicatorValue = z.number().nullable();
export const dashboard = z.object({
  year: z.string(),
  unit: unitBrief,
  ancestors: z.array(unitBrief),
  years: z.array(z.string()),
  /** When the summary under the unit was last recomputed (it is refreshed before answering). */
  refreshedAt: z.string().nullable(),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.object({ vi: z.string(), en: z.string() }),
      unit: z.enum(['percent', 'ratio']),
      source: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      value: indicatorValue,
      trend: z.array(z.object({ year: z.string(), value: indicatorValue })),
      targets: z.array(
        z.object({
          plan: z.string(),
          decision: z.string(),
          year: z.string(),
          value: z.number(),
          status: z.enum(['on_track', 'at_risk', 'missed']),
        }),
      ),
    }),
  ),
  children: z.array(z.object({ unit: unitBrief, values: z.record(z.string(), indicatorValue) })),
});
export type Dashboard = z.infer<typeof dashboard>;

export const planBody = z.object({
  unitId: z.string().max(64).describe('Đơn vị ban hành hoặc thực hiện kế hoạch'),
  name: z.string().trim().min(1).max(500),
  decision: z.string().trim().min(1).max(100).describe('Số, ký hiệu, ví dụ 298/KH-UBND'),
  decisionDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày ban hành cần dạng yyyy-mm-dd')
    .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), {
      message: 'Ngày ban hành không có thật',
    })
    .describe('Ngày ban hành (yyyy-mm-dd)'),
  targets: z
    .array(
      z.object({
        indicatorId: z.string().max(64),
        schoolYear,
        value: z.number().finite().min(0).max(1_000_000),
      }),
    )
    .max(500),
});
export type PlanBody = z.infer<typeof planBody>;
/** The multipart fields sent before a plan's targets workbook. */
export const planFields = planBody.omit({ targets: true });
export const planImportResult = z.object({
  /** The plan written; null when the file had errors (nothing written). */
  planId: id.nullable(),
  /** A new plan (else the unit's plan of that decision number, its targets replaced). */
  created: z.boolean(),
  rows: z.number().int(),
  targets: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() }),
  ),
});
export type PlanImportResult = z.infer<typeof planImportResult>;
export const planCreated = z.object({ id });
export type PlanCreated = z.infer<typeof planCreated>;

export const qualityCheckIds = [
  'duplicate_students',
  'age_out_of_range',
  'classes_over_max',
  'empty_classes',
  'schools_without_manager',
  'schools_missing_subject_teacher',
  'students_without_class',
  'staff_past_retirement',
] as const;
export type QualityCheckId = (typeof qualityCheckIds)[number];

export const dataQuality = z.object({
  year: z.string(),
  unit: unitBrief,
  ancestors: z.array(unitBrief),
  checks: z.array(
    z.object({
      id: z.enum(qualityCheckIds),
      /** Complete, even when `items` is cut at the list limit. */
      count: z.number().int(),
      items: z.array(
        z.object({
          id,
          schoolId: id,
          schoolName: z.string(),
          name: z.string(),
          detail: z.string(),
        }),
      ),
    }),
  ),
});
export type DataQuality = z.infer<typeof dataQuality>;

// ---------------------------------------------------------------- statistical reports (TT 25/2024)

export const reportPeriod = z
  .enum(['start', 'end'])
  .describe('start: đầu năm (30/9); end: cuối năm (31/5)');
export const reportStatus = z.enum(['not_started', 'draft', 'submitted', 'approved']);
export type ReportStatusValue = z.infer<typeof reportStatus>;

export const reportQuery = drillQuery.extend({ period: reportPeriod });
export const reportFormQuery = z.object({ year: schoolYear, period: reportPeriod });

const reportLevelFigures = z.object({
  level: schoolLevel,
  classes: z.number().int(),
  classesTwoSessions: z.number().int(),
  students: z.number().int(),
  femaleStudents: z.number().int(),
  ethnicMinorityStudents: z.number().int(),
});

export const reportForm = z.object({
  year: z.string(),
  period: reportPeriod,
  referenceDate: z.string(),
  dueDate: z.string(),
  school: unitBrief,
  status: reportStatus,
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** The last reminder sent to the school for this report (yyyy-mm-dd). */
  remindedOn: z.string().nullable(),
  levels: z.array(reportLevelFigures),
  lines: z.array(
    z.object({
      id: z.string(),
      name: z.object({ vi: z.string(), en: z.string() }),
      /** sogd: filled from the records; entered: the school enters it (sogd does not hold it). */
      source: z.enum(['sogd', 'entered']),
      value: z.number().int().nullable(),
    }),
  ),
  source: z.string(),
  /** The caller may save or submit (the school, before submission). */
  canEdit: z.boolean(),
  /** The caller may approve or return it (a unit above the school, once submitted). */
  canDecide: z.boolean(),
});
export type ReportForm = z.infer<typeof reportForm>;

export const reportSaveBody = z.object({
  year: schoolYear,
  period: reportPeriod,
  entered: z.record(z.string().max(64), z.number().int().min(0).max(10_000_000)),
  /** Submit to the level above after saving. */
  submit: z.boolean().default(false),
});
export const reportDecisionBody = z.object({
  year: schoolYear,
  period: reportPeriod,
  decision: z.enum(['approve', 'return']),
});

export const reportStatusList = z.object({
  year: z.string(),
  period: reportPeriod,
  dueDate: z.string(),
  unit: unitBrief,
  ancestors: z.array(unitBrief),
  counts: z.record(reportStatus, z.number().int()),
  schools: z.array(
    z.object({
      unit: unitBrief,
      status: reportStatus,
      submittedAt: z.string().nullable(),
      approvedAt: z.string().nullable(),
      remindedOn: z.string().nullable(),
    }),
  ),
});
export type ReportStatusList = z.infer<typeof reportStatusList>;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const reportFiles = {
  table: fileAnswer(XLSX, 'Biểu thống kê của các trường thuộc đơn vị (xlsx)'),
  form: fileAnswer('application/pdf', 'Báo cáo thống kê của một trường (PDF)'),
  dashboard: fileAnswer(XLSX, 'Bảng chỉ tiêu của đơn vị và các đơn vị cấp dưới (xlsx)'),
  dashboardPdf: fileAnswer(
    'application/pdf',
    'Báo cáo chỉ tiêu so với kế hoạch, theo cấp học (PDF, thể thức Nghị định 30/2020)',
  ),
  planTemplate: fileAnswer(XLSX, 'Tệp mẫu chỉ tiêu kế hoạch (xlsx)'),
};

// ---------------------------------------------------------------- education budget share

const money = z.number().finite().min(0).max(1e12);
export const budgetBody = z
  .object({
    unitId: z.string().max(64).describe('Đơn vị (tỉnh: Sở GD&ĐT)'),
    year: z.number().int().min(2000).max(2100).describe('Năm ngân sách'),
    educationSpending: money.describe('Chi cho giáo dục và đào tạo (triệu đồng)'),
    totalSpending: money.positive().describe('Tổng chi ngân sách địa phương (triệu đồng)'),
    source: z.string().trim().max(500).default(''),
  })
  .refine((b) => b.educationSpending <= b.totalSpending, {
    path: ['educationSpending'],
    message: 'Chi cho giáo dục không thể lớn hơn tổng chi ngân sách.',
  });
export type BudgetBody = z.input<typeof budgetBody>;
export const budgetQuery = z.object({ unitId: z.string().max(64).optional() });
export const budgetList = z.object({
  unit: unitBrief,
  years: z.array(
    z.object({
      year: z.number().int(),
      educationSpending: z.number(),
      totalSpending: z.number(),
      /** Education over total, × 100, unrounded. */
      share: z.number(),
      source: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
export type BudgetList = z.infer<typeof budgetList>;

/**
 * Parents' satisfaction from the surveys (issue #19 point 6, the link into
 * the dashboard): per survey of the year, the schools under the unit with at
 * least 10 answers (the surveys' minimum group, held by their view) and the
 * mean of their 5-point answers.
 */
export const satisfactionAnswer = z.object({
  year: z.string(),
  unit: unitBrief,
  surveys: z.array(
    z.object({
      surveyId: z.string(),
      title: z.string(),
      status: z.enum(['open', 'closed']),
      /** The mean over the schools shown, weighted by their answers (no hidden school in it). */
      meanScore: z.number().nullable(),
      answers: z.number().int(),
      schools: z.array(
        z.object({
          school: unitBrief,
          answers: z.number().int(),
          meanScore: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type SatisfactionAnswer = z.infer<typeof satisfactionAnswer>;
