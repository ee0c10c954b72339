/**
 * The indicators page's routes (src/modules/indicators/routes.ts): each
 * function names the route as the server declares it and answers the type
 * its contract gives that route's schema.
 */
import type { z } from 'zod';
import type {
  Dashboard,
  dashboardQuery,
  DataQuality,
  drillQuery,
  PlanBody,
  PlanCreated,
  ReportForm,
  reportSaveBody,
  ReportStatusList,
  SubjectNeed,
  TeacherReport,
} from '../../../../src/modules/indicators/contract.ts';
import { route, url, type QueryOf } from '../../shared/api.ts';

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
  createPlan: (body: PlanBody) => route.post<PlanCreated>('/api/indicators/plans', body),
};

/** Files: links the page opens (the session cookie goes with them). */
export const indicatorsFiles = {
  reportTable: (query: { year: string; period: Period; unitId: string }) =>
    url('/api/indicators/reports/export.xlsx', {}, query),
  reportPdf: (schoolId: string, year: string, period: Period) =>
    url('/api/indicators/reports/:id/form.pdf', { id: schoolId }, { year, period }),
};
