/**
 * The sector registry: schools' profiles and facilities, classes, students,
 * staff, imports, transfers and the year-end promotion. The only file other
 * modules and the app import from this module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { REGISTRY_AUDIT } from './audit-labels.ts';
import { registerRegistryCommands } from './cli.ts';
import { registryOrgTreeHooks } from './org-tree.ts';
import { REGISTRY_PERMISSIONS } from './permissions.ts';
import { studentExportJob } from './students/export-job.ts';

export const registryModule = defineModule({
  name: 'registry',
  audit: REGISTRY_AUDIT,
  permissions: REGISTRY_PERMISSIONS,
  // Loaded when the app is built, not when the CLI starts (`sogd --help`).
  routes: async (api, { db, jobs, files }) =>
    (await import('./routes.ts')).registerRegistryRoutes(api, { db, jobs, files }),
  commands: registerRegistryCommands,
  orgTree: registryOrgTreeHooks,
  jobs: [studentExportJob],
});

export type { GraduatingStudent } from './students/graduating-students.ts';

/** A school's students finishing its last grade (loaded when called: the CLI's start stays light). */
export const graduatingStudents = lazyFunction(
  () => import('./students/graduating-students.ts'),
  'graduatingStudents',
);
/** The school year a date falls in: a year starts on 1 September (Asia/Ho_Chi_Minh). */
export { schoolYearOf } from './contract.ts';

/**
 * Records a school's profile fields for a school year (the accreditation
 * module writes its recognition decisions through it; loaded when called).
 */
export const updateSchoolProfile = lazyFunction(
  () => import('./schools/update-profile.ts'),
  'updateSchoolProfile',
);

export type {
  IncomingPerson,
  IncomingReceipt,
  IncomingStudent,
} from './intake/receive-incoming.ts';

/**
 * The admissions hand-over: admitted students become the admitting school's
 * incoming students for the year, waiting for a class (idempotent; the
 * admissions use case checks who may hand over; loaded when called).
 */
export const receiveIncomingStudents = lazyFunction(
  () => import('./intake/receive-incoming.ts'),
  'receiveIncomingStudents',
);
