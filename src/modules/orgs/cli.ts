import type { Command } from 'commander';
import type { Db } from '../../db/connection.ts';
import { commandGroup, printRowErrors } from '../../core/cli.ts';

/*
 * `sogd import orgs` and `sogd export orgs`. The actions import what they use
 * when they run: `sogd --help` loads no database driver and no ExcelJS.
 */

/** Runs `work` on the configured database, migrated, and closes it whatever happens. */
async function withDatabase(work: (db: Db) => Promise<void>): Promise<void> {
  const { migrateToLatest, openDatabase, targetFromEnv } = await import('../../db/connection.ts');
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    await work(database.db);
  } finally {
    await database.close();
  }
}

export function registerOrgCommands(program: Command): void {
  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('orgs <file>')
    .description('Nhập cây đơn vị (docs/formats/org-import.md)')
    .option('--dry-run', 'chỉ kiểm tra và báo cáo, không ghi gì')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const [{ systemActor }, { UnreadableWorkbookError }, { importOrgs }] = await Promise.all([
        import('../../db/actor.ts'),
        import('../../lib/xlsx.ts'),
        import('./units/import-orgs.ts'),
      ]);
      await withDatabase(async (db) => {
        try {
          const result = await importOrgs(db, systemActor(`nhập đơn vị từ ${file}`), {
            file,
            dryRun: options.dryRun ?? false,
          });
          if (result.unknownColumns.length)
            console.error(`Bỏ qua các cột không dùng: ${result.unknownColumns.join(', ')}`);
          printRowErrors(result.errorList);
          if (result.errorList.length) {
            console.error(`Tệp bị từ chối: ${result.errorList.length} lỗi, không có gì được ghi.`);
            process.exitCode = 1;
          } else if (options.dryRun) {
            console.error('Chạy thử: tệp hợp lệ, không có gì được ghi.');
          }
          console.log(JSON.stringify(result.summary));
        } catch (error) {
          if (error instanceof UnreadableWorkbookError) {
            console.error(error.message);
            console.log(
              JSON.stringify({ rows: 0, added: 0, updated: 0, unchanged: 0, errors: 1, ms: 0 }),
            );
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      });
    });

  commandGroup(program, 'export', 'Xuất dữ liệu ra tệp Excel')
    .command('orgs <file>')
    .description('Xuất cây đơn vị theo đúng định dạng nhập')
    .action(async (file: string) => {
      const [{ systemActor }, { exportOrgs }] = await Promise.all([
        import('../../db/actor.ts'),
        import('./units/export-orgs.ts'),
      ]);
      await withDatabase(async (db) => {
        const { written } = await exportOrgs(db, systemActor(`xuất đơn vị ra ${file}`), { file });
        console.log(`Đã xuất ${await written} đơn vị vào ${file}.`);
      });
    });
}
