/** Admissions: the allocation engine (`sogd admissions allocate`). */
import { defineModule } from '../../core/module.ts';
import { registerAdmissionsCommands } from './cli.ts';

export const admissionsModule = defineModule({
  name: 'admissions',
  commands: registerAdmissionsCommands,
});
