/**
 * The indicators page's routes (src/modules/indicators/routes.ts): each
 * function names the route as the server declares it and answers the type
 * its contract gives that route's schema.
 */
import type { z } from 'zod';
import type {
  BudgetBody,
  BudgetList,
  Dashboard,
  dashboardQuery,
  DataQuality,
  drillQuery,
  PlanBody,
  PlanCreated,
  PlanImportResult,
  ReportForm,
  reportSaveBody,
  ReportStatusList,
  SatisfactionAnswer,
  SubjectNeed,
  TeacherReport,
} from '../../../../src/modules/indicators/contract.ts';
import {
  ApiError,
  requestHeaders,
  route,
  uploadUrl,
  url,
  type Problem,
  type QueryOf,
} from '../../shared/api.ts';

type DrillQuery = QueryOf<z.input<typeof drillQuery>>;
type Period = 'start' | 'end';

export const indicatorsApi = {
  /** The indicators of a unit and of each child unit, for a year (filters: level, ownership). */
  dashboard: (query: QueryOf<z.input<typeof dashboardQuery>>) =>
    route.get<Dashboard>('/api/indicators/dashboard', { query }),
  /** Teacher surplus and shortage by the norms, per child unit and level. */
  teachers: (query: DrillQuery) => route.get<TeacherReport>('/api/indicators/teachers', { query }),
  /** The teacher need per subject (programme periods ÷ teaching load) against the teachers in post. */
  subjects: (query: DrillQuery) =>
    route.get<SubjectNeed>('/api/indicators/teachers/subjects', { query }),
  /** Parents' satisfaction from the surveys: schools of 10 answers or more (issue #19). */
  satisfaction: (query: DrillQuery) =>
    route.get<SatisfactionAnswer>('/api/indicators/satisfaction', { query }),
  dataQuality: (query: DrillQuery) =>
    route.get<DataQuality>('/api/indicators/data-quality', { query }),
  /** The statistical reports (TT 25/2024) of the schools under a unit, with their status. */
  reports: (query: DrillQuery & { period: Period }) =>
    route.get<ReportStatusList>('/api/indicators/reports', { query }),
  reportForm: (schoolId: string, year: string, period: Period) =>
    route.get<ReportForm>('/api/indicators/reports/:id', {
      params: { id: schoolId },
      query: { year, period },
    }),
  saveReport: (schoolId: string, body: z.input<typeof reportSaveBody>) =>
    route.put<ReportForm>('/api/indicators/reports/:id', body, { params: { id: schoolId } }),
  decideReport: (
    schoolId: string,
    body: { year: string; period: Period; decision: 'approve' | 'return' },
  ) =>
    route.post<ReportForm>('/api/indicators/reports/:id/decision', body, {
      params: { id: schoolId },
    }),
  /** The province's yearly budget figures (education and total spending). */
  budget: (unitId: string) =>
    route.get<BudgetList>('/api/indicators/budget', { query: { unitId } }),
  saveBudget: (body: BudgetBody) => route.put<BudgetList>('/api/indicators/budget', body),
  createPlan: (body: PlanBody) => route.post<PlanCreated>('/api/indicators/plans', body),
  /**
   * A plan's targets from a workbook, the plan's fields sent before the file
   * (as the route reads them). Resolves with the result, also on 422 (the
   * file's errors, nothing written); rejects with the problem otherwise.
   */
  async importPlan(
    fields: { unitId: string; name: string; decision: string; decisionDate: string },
    file: File,
  ): Promise<PlanImportResult> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    const response = await fetch(uploadUrl('/api/indicators/plans/import'), {
      method: 'POST',
      body: form,
      headers: requestHeaders(),
      credentials: 'same-origin',
    });
    const data = (await response.json()) as unknown;
    // The server serialises 200 and 422 through the route's schema (PlanImportResult).
    if (response.ok || response.status === 422) return data as PlanImportResult;
    throw new ApiError({ ...(data as Problem), status: response.status }, data);
  },
};

/** Files: links the page opens (the session cookie goes with them). */
export const indicatorsFiles = {
  planTemplate: () => url('/api/indicators/plans/template.xlsx'),
  /** The dashboard's tables as xlsx, for the same unit, year and filters. */
  dashboardTable: (query: QueryOf<z.input<typeof dashboardQuery>>) =>
    url('/api/indicators/dashboard/export.xlsx', {}, query),
  /** The indicators against the plan targets, for all levels and per level, as a PDF report. */
  dashboardPdf: (query: QueryOf<z.input<typeof dashboardQuery>>) =>
    url('/api/indicators/dashboard/report.pdf', {}, query),
  reportTable: (query: { year: string; period: Period; unitId: string }) =>
    url('/api/indicators/reports/export.xlsx', {}, query),
  reportPdf: (schoolId: string, year: string, period: Period) =>
    url('/api/indicators/reports/:id/form.pdf', { id: schoolId }, { year, period }),
};
