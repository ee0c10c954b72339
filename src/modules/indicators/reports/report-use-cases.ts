/**
 * The statistical reports' use cases (issue #16, point 5): a unit's list of
 * schools with their status, one school's form, the school saving and
 * submitting it, the level above approving or returning it.
 *
 * The rule, written down: a school (indicators.report) fills in the
 * figures sogd does not hold and submits; until then the report is a draft.
 * A user of a unit above the school (indicators.approve) approves a
 * submitted report or returns it to draft. An approved report is final.
 */
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import type { ReportPeriod } from '../../../db/schema.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import type { ReportForm, ReportStatusList, ReportStatusValue } from '../contract.ts';
import { brief, drillUnit } from '../drill.ts';
import { unitById, type UnitRow } from '../repo.ts';
import { linesOf, reportDates } from './definitions.ts';
import { schoolForms, type SchoolForm } from './forms.ts';
import { writeReport } from './repo.ts';

const STATUSES: readonly ReportStatusValue[] = ['not_started', 'draft', 'submitted', 'approved'];

export async function listReports(
  db: Db,
  scope: Scope,
  input: { year: string; period: ReportPeriod; unitId?: string | undefined },
): Promise<ReportStatusList> {
  const { unit, ancestors } = await drillUnit(db, scope, input.unitId);
  const forms = await schoolForms(db, unit.path, input.year, input.period);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
    ReportStatusValue,
    number
  >;
  for (const { form } of forms) counts[form.status]++;
  return {
    year: input.year,
    period: input.period,
    dueDate: reportDates(input.year, input.period).dueDate,
    unit: brief(unit),
    ancestors,
    counts,
    schools: forms.map(({ form }) => ({
      unit: form.school,
      status: form.status,
      submittedAt: form.submittedAt,
      approvedAt: form.approvedAt,
      remindedOn: form.remindedOn,
    })),
  };
}

async function schoolInScope(db: Db, scope: Scope, schoolId: string): Promise<UnitRow> {
  scope.require('indicators.read');
  if (!isUuid(schoolId)) throw notFound('trường');
  const school = await unitById(db, schoolId);
  if (!school || school.kind !== 'school') throw notFound('trường');
  if (!scope.containsPath(school.path)) throw forbidden();
  return school;
}

const isOwnSchool = (scope: Scope, school: UnitRow) => scope.user.orgUnitId === school.id;

function withRights(scope: Scope, school: UnitRow, form: SchoolForm): ReportForm {
  const rest: Omit<SchoolForm, 'row'> & { row?: unknown } = { ...form };
  delete rest.row;
  return {
    ...rest,
    canEdit:
      scope.can('indicators.report') &&
      isOwnSchool(scope, school) &&
      (form.status === 'not_started' || form.status === 'draft'),
    canDecide:
      scope.can('indicators.approve') && !isOwnSchool(scope, school) && form.status === 'submitted',
  };
}

async function formOf(db: Db, school: UnitRow, year: string, period: ReportPeriod) {
  const [only] = await schoolForms(db, school.path, year, period);
  if (!only) throw notFound('trường đang hoạt động');
  return only.form;
}

export async function getReportForm(
  db: Db,
  scope: Scope,
  input: { schoolId: string; year: string; period: ReportPeriod },
): Promise<ReportForm> {
  const school = await schoolInScope(db, scope, input.schoolId);
  return withRights(scope, school, await formOf(db, school, input.year, input.period));
}

export async function saveReport(
  db: Db,
  scope: Scope,
  input: {
    schoolId: string;
    year: string;
    period: ReportPeriod;
    entered: Record<string, number>;
    submit: boolean;
  },
): Promise<ReportForm> {
  const school = await schoolInScope(db, scope, input.schoolId);
  scope.require('indicators.report');
  if (!isOwnSchool(scope, school)) throw forbidden();
  const enterable = new Set(
    linesOf(input.period)
      .filter((l) => l.source === 'entered')
      .map((l) => l.id),
  );
  const errors = Object.keys(input.entered)
    .filter((k) => !enterable.has(k))
    .map((k) => ({
      path: `body.entered.${k}`,
      message: `Báo cáo ${input.period === 'start' ? 'đầu năm' : 'cuối năm'} không có dòng "${k}" để nhập (các dòng nhập: ${[...enterable].join(', ')}).`,
    }));
  if (errors.length) throw badRequest('Báo cáo có dòng không nhập được.', errors);
  const form = await formOf(db, school, input.year, input.period);
  if (form.status === 'submitted' || form.status === 'approved')
    throw conflict(
      form.status === 'submitted'
        ? 'Báo cáo đã gửi cấp trên: chỉ sửa được khi cấp trên trả lại.'
        : 'Báo cáo đã được cấp trên duyệt, không sửa được.',
    );
  if (input.submit) {
    const missing = linesOf(input.period)
      .filter((l) => l.source === 'entered' && input.entered[l.id] === undefined)
      .map((l) => ({
        path: `body.entered.${l.id}`,
        message: `Cần nhập "${l.name.vi}" trước khi gửi.`,
      }));
    if (missing.length) throw badRequest('Báo cáo còn thiếu số liệu cần nhập.', missing);
  }
  const written = await writeReport(db, scope.actor, {
    id: form.status === 'not_started' ? uuidv7() : '',
    schoolId: school.id,
    schoolYear: input.year,
    period: input.period,
    expected: form.status === 'not_started' ? null : 'draft',
    status: input.submit ? 'submitted' : 'draft',
    entered: input.entered,
    ...(input.submit ? { submittedBy: scope.actor.name } : {}),
  });
  if (!written) throw conflict('Báo cáo vừa được người khác thay đổi; hãy tải lại.');
  return withRights(scope, school, await formOf(db, school, input.year, input.period));
}

export async function decideReport(
  db: Db,
  scope: Scope,
  input: { schoolId: string; year: string; period: ReportPeriod; decision: 'approve' | 'return' },
): Promise<ReportForm> {
  const school = await schoolInScope(db, scope, input.schoolId);
  scope.require('indicators.approve');
  if (isOwnSchool(scope, school)) throw forbidden();
  const form = await formOf(db, school, input.year, input.period);
  if (form.status !== 'submitted')
    throw conflict(
      `Chỉ duyệt hoặc trả lại được báo cáo đã gửi (báo cáo đang ở trạng thái "${form.status}").`,
    );
  const written = await writeReport(db, scope.actor, {
    id: '',
    schoolId: school.id,
    schoolYear: input.year,
    period: input.period,
    expected: 'submitted',
    status: input.decision === 'approve' ? 'approved' : 'draft',
    ...(input.decision === 'approve' ? { approvedBy: scope.actor.name } : {}),
  });
  if (!written) throw conflict('Báo cáo vừa được người khác thay đổi; hãy tải lại.');
  return withRights(scope, school, await formOf(db, school, input.year, input.period));
}
