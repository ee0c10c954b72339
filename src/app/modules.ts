/**
 * Every module of sogd, in one list: the only place that knows them all.
 * Importing this file installs what each declares — its permissions, its
 * org-tree hooks and its audit labels — so that the HTTP app, the `sogd` command, the job worker
 * and the tests see one and the same table.
 */
import { declarePermissions } from '../core/access/permissions.ts';
import { declareAuditLabels } from '../core/audit.ts';
import type { JobKind } from '../core/jobs/index.ts';
import { JOBS_PERMISSIONS } from '../core/jobs/permissions.ts';
import type { SogdModule } from '../core/module.ts';
import { installOrgTreeHooks } from '../core/org-tree.ts';
import { accreditationModule } from '../modules/accreditation/index.ts';
import { admissionsModule } from '../modules/admissions/index.ts';
import { demoModule } from '../modules/demo/index.ts';
import { diplomasModule } from '../modules/diplomas/index.ts';
import { officeModule } from '../modules/office/index.ts';
import { indicatorsModule } from '../modules/indicators/index.ts';
import { orgsModule } from '../modules/orgs/index.ts';
import { registryModule } from '../modules/registry/index.ts';
import { servicesModule } from '../modules/services/index.ts';
import { surveysModule } from '../modules/surveys/index.ts';

export const MODULES: readonly SogdModule[] = [
  orgsModule,
  registryModule,
  diplomasModule,
  admissionsModule,
  officeModule,
  indicatorsModule,
  accreditationModule,
  servicesModule,
  surveysModule,
  demoModule,
];

for (const module of MODULES) {
  if (module.permissions) declarePermissions(module.permissions);
  if (module.orgTree) installOrgTreeHooks(module.orgTree);
  if (module.audit) declareAuditLabels(module.audit);
}
// The jobs page is the kernel's (core/jobs), not a module's.
declarePermissions(JOBS_PERMISSIONS);

/** Every job kind of the application. */
export const JOB_KINDS: readonly JobKind<unknown>[] = MODULES.flatMap((m) => m.jobs ?? []);
