import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.ts';
import type { FileStore } from '../../core/files/store.ts';
import type { JobQueue } from '../../core/jobs/index.ts';
import { registerClassRoutes } from './classes/routes.ts';
import { registerImportRoutes } from './imports/routes.ts';
import { registerIntakeRoutes } from './intake/routes.ts';
import { registerSchoolRoutes } from './schools/routes.ts';
import { registerStaffRoutes } from './staff/routes.ts';
import { registerStudentExportJobRoutes, registerStudentRoutes } from './students/routes.ts';
import { registerYearEndRoutes } from './year-end/routes.ts';

/** Every route of the registry, one call per part (the descriptor's `routes`). */
export function registerRegistryRoutes(
  instance: FastifyInstance,
  deps: { db: Db; jobs?: JobQueue | undefined; files: FileStore },
): void {
  registerImportRoutes(instance, deps.db);
  registerStaffRoutes(instance, deps.db);
  registerClassRoutes(instance, deps);
  registerStudentRoutes(instance, deps);
  registerSchoolRoutes(instance, deps);
  registerYearEndRoutes(instance, deps);
  registerIntakeRoutes(instance, deps);
  if (deps.jobs) registerStudentExportJobRoutes(instance, { ...deps, jobs: deps.jobs });
}
