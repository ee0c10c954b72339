import type { Command } from 'commander';
import { positiveInt, progressReporter } from '../../core/cli.ts';
import { DEFAULT_DEMO } from './generate.ts';

export function registerDemoCommands(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'Tạo một tỉnh mẫu sinh tự động (đơn vị, trường, lớp, học sinh, giáo viên) vào cơ sở dữ liệu trống',
    )
    .option('--schools <n>', 'số trường', positiveInt, DEFAULT_DEMO.schools)
    .option('--students <n>', 'số học sinh', positiveInt, DEFAULT_DEMO.students)
    .option(
      '--seed <n>',
      'hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)',
      positiveInt,
      DEFAULT_DEMO.seed,
    )
    .option('--year <year>', 'năm học', DEFAULT_DEMO.schoolYear)
    .action(async (options: { schools: number; students: number; seed: number; year: string }) => {
      if (
        !/^\d{4}-\d{4}$/.test(options.year) ||
        Number(options.year.slice(5)) !== Number(options.year.slice(0, 4)) + 1
      )
        throw new Error(`Năm học "${options.year}" không hợp lệ: cần dạng 2025-2026.`);
      // Loaded here: `sogd --help` need not load the database or the generator.
      const { migrateToLatest, openDatabase, targetFromEnv } =
        await import('../../db/connection.ts');
      const { seedDemo } = await import('./seed.ts');
      const database = await openDatabase(targetFromEnv());
      const progress = progressReporter();
      try {
        await migrateToLatest(database.db);
        const result = await seedDemo(
          database.db,
          {
            schools: options.schools,
            students: options.students,
            seed: options.seed,
            schoolYear: options.year,
          },
          progress.update,
        );
        progress.stop();
        console.log(
          `Đã tạo tỉnh mẫu: ${result.units} đơn vị, ${result.classes} lớp, ${result.students} học sinh, ${result.staff} cán bộ, giáo viên trong ${(result.ms / 1000).toFixed(1)} s.`,
        );
        console.log(
          JSON.stringify({
            ...result,
            maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
          }),
        );
      } finally {
        progress.stop();
        await database.close();
      }
    });
}
