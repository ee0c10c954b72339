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
  SubjectNeed,
  TeacherReport,
} from '../../../../src/modules/indicators/contract.ts';
import { route, type QueryOf } from '../../shared/api.ts';

type DrillQuery = QueryOf<z.input<typeof drillQuery>>;

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
  createPlan: (body: PlanBody) => route.post<PlanCreated>('/api/indicators/plans', body),
};
