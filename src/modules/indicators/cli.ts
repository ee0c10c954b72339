import type { Command } from 'commander';
import { commandGroup } from '../../core/cli.ts';

const validYear = (y: string) =>
  /^\d{4}-\d{4}$/.test(y) && Number(y.slice(5)) === Number(y.slice(0, 4)) + 1;

export function registerIndicatorCommands(program: Command): void {
  commandGroup(program, 'reports', 'Báo cáo')
    .command('teachers')
    .description(
      'Thừa, thiếu giáo viên theo định mức, mỗi trường và cấp học (docs/formats/reports-teachers.md)',
    )
    .requiredOption('--year <year>', 'năm học, ví dụ 2026-2027')
    .requiredOption('--out <file>', 'tệp CSV ghi ra')
    .option('--unit <code>', 'mã đơn vị (mặc định: toàn bộ cây đơn vị)')
    .action(async (options: { year: string; out: string; unit?: string }) => {
      // Lazy: `sogd --help` loads no database driver.
      const { migrateToLatest, openDatabase, targetFromEnv } =
        await import('../../db/connection.ts');
      const { UsageError, writeTeachersReport } = await import('./teachers-csv.ts');
      const started = Date.now();
      // Wrong usage is refused before the database opens (exit 2).
      if (!validYear(options.year)) {
        console.error(`Năm học "${options.year}" không hợp lệ: cần dạng 2026-2027.`);
        process.exitCode = 2;
        return;
      }
      const database = await openDatabase(targetFromEnv());
      try {
        await migrateToLatest(database.db);
        const result = await writeTeachersReport(database.db, options);
        console.log(
          `Đã ghi ${result.rows.toLocaleString('vi-VN')} dòng của ${result.schools.toLocaleString('vi-VN')} trường vào ${options.out}.`,
        );
        console.log(
          JSON.stringify({ schools: result.schools, rows: result.rows, ms: Date.now() - started }),
        );
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
}
