/**
 * The registry's routes as the pages call them (classes, students, staff,
 * schools, year end, transfers, imports): each function names the route as
 * the server declares it and answers the type its contract gives that
 * route's schema. Files (exports, templates) are links: their URLs are here.
 */
import type { z } from 'zod';
import type {
  acceptBody,
  studentFilters,
  ClassInput,
  ClassPatch,
  ClassRow,
  ClassStudent,
  ClassSummary,
  FacilitiesBody,
  IncomingStudentRow,
  PromotionInput,
  SchoolListAnswer,
  schoolListQuery,
  StatusChange,
  StatusChanged,
  studentCreateBody,
  StudentPatch,
  StudentRecord,
  PromotionPlan,
  PromotionResult,
  reasonBody,
  SchoolFacilities,
  SchoolLookup,
  SchoolProfile,
  SchoolProfilePatch,
  SchoolYears,
  StaffCreate,
  StaffLeave,
  StaffOption,
  StaffPatch,
  StaffRecord,
  StaffTrainingInput,
  staffSearchQuery,
  StaffSearchAnswer,
  StudentHistory,
  studentSearchQuery,
  StudentSearchAnswer,
  transferBody,
  transferListQuery,
  TransferView,
} from '../../../../src/modules/registry/contract.ts';
import type { JobStarted } from '../../../../src/core/jobs/contract.ts';
import { route, uploadUrl, url, type Query, type QueryOf } from '../../shared/api.ts';

const byId = (id: string, query?: Query) => ({ params: { id }, query });

export const registryApi = {
  /** A school's classes (of a year, or of every year), as the org tree shows them. */
  unitClasses: (unitId: string, year?: string) =>
    route.get<ClassSummary[]>('/api/orgs/:id/classes', byId(unitId, { year })),
  /** The school years a page's select offers: those with classes in scope, this year and next. */
  schoolYears: () => route.get<SchoolYears>('/api/registry/school-years'),
  classStudents: (classId: string) =>
    route.get<ClassStudent[]>('/api/classes/:id/students', byId(classId)),

  students: (query: QueryOf<z.input<typeof studentSearchQuery>>) =>
    route.get<StudentSearchAnswer>('/api/registry/students', { query }),
  /** A student's record (identity, guardian, classes, status changes, transfers, diplomas). */
  student: (id: string) => route.get<StudentRecord>('/api/registry/students/:id', byId(id)),
  updateStudent: (id: string, body: StudentPatch) =>
    route.patch<StudentRecord>('/api/registry/students/:id', body, byId(id)),
  /** One student added by hand into a class of the school's year. */
  addStudent: (schoolId: string, year: string, body: z.input<typeof studentCreateBody>) =>
    route.post<StudentRecord>('/api/registry/schools/:id/students', body, byId(schoolId, { year })),
  /** A long student export (a commune, the province) as a job: follow it with jobsApi.get. */
  startStudentExport: (body: z.input<typeof studentFilters>) =>
    route.post<JobStarted>('/api/registry/students/export-jobs', body),
  changeStudentStatus: (id: string, body: StatusChange) =>
    route.post<StatusChanged>('/api/registry/students/:id/status', body, byId(id)),
  /** Every school in scope, filtered, sorted and paged (the department's and communes' list). */
  schoolList: (query: QueryOf<z.input<typeof schoolListQuery>>) =>
    route.get<SchoolListAnswer>('/api/registry/schools', { query }),
  studentHistory: (id: string) =>
    route.get<StudentHistory>('/api/registry/students/:id/history', byId(id)),
  staff: (query: QueryOf<z.input<typeof staffSearchQuery>>) =>
    route.get<StaffSearchAnswer>('/api/registry/staff', { query }),
  /** A staff member's record (position, subject, qualification, rank, training, leaving). */
  staffRecord: (id: string) => route.get<StaffRecord>('/api/registry/staff/:id', byId(id)),
  addStaff: (schoolId: string, body: StaffCreate) =>
    route.post<StaffRecord>('/api/registry/schools/:id/staff', body, byId(schoolId)),
  updateStaff: (id: string, body: StaffPatch) =>
    route.patch<StaffRecord>('/api/registry/staff/:id', body, byId(id)),
  staffLeaves: (id: string, body: StaffLeave) =>
    route.post<StaffRecord>('/api/registry/staff/:id/leave', body, byId(id)),
  addStaffTraining: (id: string, body: StaffTrainingInput) =>
    route.post<StaffRecord>('/api/registry/staff/:id/training', body, byId(id)),

  schoolProfile: (schoolId: string, year: string) =>
    route.get<SchoolProfile>('/api/registry/schools/:id/profile', byId(schoolId, { year })),
  saveSchoolProfile: (schoolId: string, year: string, body: SchoolProfilePatch) =>
    route.put<SchoolProfile>('/api/registry/schools/:id/profile', body, byId(schoolId, { year })),
  schoolClasses: (schoolId: string, year: string) =>
    route.get<ClassRow[]>('/api/registry/schools/:id/classes', byId(schoolId, { year })),
  createClass: (schoolId: string, year: string, body: ClassInput) =>
    route.post<ClassRow>('/api/registry/schools/:id/classes', body, byId(schoolId, { year })),
  updateClass: (classId: string, body: ClassPatch) =>
    route.patch<ClassRow>('/api/registry/classes/:id', body, byId(classId)),
  homeroomCandidates: (schoolId: string) =>
    route.get<StaffOption[]>('/api/registry/schools/:id/homeroom-candidates', byId(schoolId)),
  facilities: (schoolId: string, year: string) =>
    route.get<SchoolFacilities>('/api/registry/schools/:id/facilities', byId(schoolId, { year })),
  saveFacilities: (schoolId: string, year: string, body: FacilitiesBody) =>
    route.put<SchoolFacilities>(
      '/api/registry/schools/:id/facilities',
      body,
      byId(schoolId, { year }),
    ),

  promotionPreview: (body: PromotionInput) =>
    route.post<PromotionPlan>('/api/registry/promotions/preview', body),
  promote: (body: PromotionInput) => route.post<PromotionResult>('/api/registry/promotions', body),

  /** Schools of the whole province by code or name (a transfer's destination). */
  schoolLookup: (q: string) =>
    route.get<SchoolLookup>('/api/registry/schools/lookup', { query: { q } }),
  transfers: (query: z.input<typeof transferListQuery>) =>
    route.get<TransferView[]>('/api/registry/transfers', { query }),
  requestTransfer: (body: z.input<typeof transferBody>) =>
    route.post<TransferView>('/api/registry/transfers', body),
  acceptTransfer: (id: string, body: z.input<typeof acceptBody>) =>
    route.post<TransferView>('/api/registry/transfers/:id/accept', body, byId(id)),
  rejectTransfer: (id: string, body: z.input<typeof reasonBody>) =>
    route.post<TransferView>('/api/registry/transfers/:id/reject', body, byId(id)),
  /** A school's incoming students of a year (admitted by a campaign), waiting for a class first. */
  incomingStudents: (schoolId: string, year: string) =>
    route.get<IncomingStudentRow[]>('/api/registry/schools/:id/incoming', byId(schoolId, { year })),
  assignIncoming: (schoolId: string, body: { classId: string; intakeIds: string[] }) =>
    route.post<{ assigned: number }>(
      '/api/registry/schools/:id/incoming/assign',
      body,
      byId(schoolId),
    ),
  cancelTransfer: (id: string, body: z.input<typeof reasonBody>) =>
    route.post<TransferView>('/api/registry/transfers/:id/cancel', body, byId(id)),
};

/** The list imports' kinds: /api/registry/imports/<kind>. */
export type ImportKind = 'students' | 'staff';

/** Links to the registry's files (xlsx exports, import templates) and the import routes. */
export const registryFiles = {
  students: (query: Query) => url('/api/registry/students/export.xlsx', {}, query),
  /** The file of a finished export job. */
  studentExportJob: (jobId: string) =>
    url('/api/registry/students/export-jobs/:id/file', { id: jobId }),
  schoolList: (query: Query) => url('/api/registry/schools/export.xlsx', {}, query),
  /** The student's profile (sơ yếu lý lịch) as PDF. */
  studentProfile: (id: string) => url('/api/registry/students/:id/profile.pdf', { id }),
  staff: (query: Query | URLSearchParams) => url('/api/registry/staff/export.xlsx', {}, query),
  schoolClasses: (schoolId: string, year: string) =>
    url('/api/registry/schools/:id/classes/export.xlsx', { id: schoolId }, { year }),
  schoolFacilities: (schoolId: string, year: string) =>
    url('/api/registry/schools/:id/facilities/export.xlsx', { id: schoolId }, { year }),
  /** Rooms of every school under a unit. */
  facilities: (year: string, unitId: string) =>
    url('/api/registry/facilities/export.xlsx', {}, { year, unitId }),
  importTemplate: (kind: ImportKind) => url('/api/registry/imports/:kind/template.xlsx', { kind }),
  /** The import itself (POST, multipart; progress=1 streams NDJSON: ImportPanel). */
  import: (kind: ImportKind, query: URLSearchParams) =>
    uploadUrl('/api/registry/imports/:kind', { kind }, query),
  /** The file back with its errors (or changes) marked (POST, multipart). */
  annotated: (kind: ImportKind, query: URLSearchParams) =>
    uploadUrl('/api/registry/imports/:kind/annotated', { kind }, query),
};
