import type { Command } from 'commander';
import { systemActor } from '../../db/actor.ts';
import { migrateToLatest, openDatabase, targetFromEnv } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { exportOrgs, importOrgs } from './import-export.ts';
import { commandGroup, printRowErrors } from '../../core/cli.ts';

export function registerOrgCommands(program: Command): void {
  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('orgs <file>')
    .description('Nhập cây đơn vị (docs/formats/org-import.md)')
    .option('--dry-run', 'chỉ kiểm tra và báo cáo, không ghi gì')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const database = await openDatabase(targetFromEnv());
      try {
        await migrateToLatest(database.db);
        const result = await importOrgs(database.db, file, {
          dryRun: options.dryRun ?? false,
          actor: systemActor(`nhập đơn vị từ ${file}`),
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
      } finally {
        await database.close();
      }
    });

  commandGroup(program, 'export', 'Xuất dữ liệu ra tệp Excel')
    .command('orgs <file>')
    .description('Xuất cây đơn vị theo đúng định dạng nhập')
    .action(async (file: string) => {
      const database = await openDatabase(targetFromEnv());
      try {
        await migrateToLatest(database.db);
        const count = await exportOrgs(database.db, file);
        console.log(`Đã xuất ${count} đơn vị vào ${file}.`);
      } finally {
        await database.close();
      }
    });
}
