import { Command, CommanderError } from 'commander';
import { registerAdmissionsCommands } from '../modules/admissions/cli.ts';
import { registerDemoCommands } from '../modules/demo/cli.ts';
import { registerDiplomaCommands } from '../modules/diplomas/cli.ts';
import { registerRegistryCommands } from '../modules/registry/cli.ts';
import { registerDatabaseCommands } from './database.ts';
import { registerOrgCommands } from './orgs.ts';
import { registerServeCommand } from './serve.ts';

/**
 * The `sogd` command line. Every command works on the same database as the
 * server: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).
 * Exit codes: 0 success, 1 rejected input (e.g. bad rows), 2 unreadable input or usage.
 */
const program = new Command('sogd')
  .description('Nền tảng số ngành Giáo dục và Đào tạo — dòng lệnh')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerDatabaseCommands(program);
registerOrgCommands(program);
registerDemoCommands(program);
registerAdmissionsCommands(program);
registerDiplomaCommands(program);
registerRegistryCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
  }
}
