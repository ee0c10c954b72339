import type { Command } from 'commander';
import type { Db } from '../../db/connection.ts';

/**
 * `sogd services …` (docs/formats/services.md): thin declarations; each
 * action loads its use case (and the database driver) only when it runs.
 * Each command ends with one JSON line; exit 0 done, 1 refused, 2 an unknown
 * procedure or unreadable input.
 */
export function registerServicesCommands(program: Command): void {
  const services = program.command('services').description('Dịch vụ công: thời hạn, lịch làm việc');

  services
    .command('due')
    .description('Ngày hẹn trả kết quả của một hồ sơ nhận lúc --received (giờ Việt Nam)')
    .requiredOption(
      '--procedure <proc>',
      'ban-sao-van-bang | chinh-sua-van-bang | cong-nhan-van-bang-nuoc-ngoai',
    )
    .requiredOption('--received <iso>', 'thời điểm nhận, ISO 8601 có múi giờ')
    .action(async (options: { procedure: string; received: string }) => {
      const { UnreadableInputError, checkDueInput, computeDue } = await import('./compute-due.ts');
      try {
        checkDueInput(options.procedure, options.received);
      } catch (error) {
        if (!(error instanceof UnreadableInputError)) throw error;
        console.error(error.message);
        console.log(JSON.stringify({ error: error.message }));
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (db) => {
        console.log(JSON.stringify(await computeDue(db, options)));
      });
    });

  const calendar = services.command('calendar').description('Lịch nghỉ lễ, nghỉ bù, làm bù');
  calendar
    .command('import <file>')
    .description(
      'Nhập tệp CSV "date,kind,name" (kind: nghỉ | làm bù); mỗi năm có trong tệp thay thế cả năm đó',
    )
    .action(async (file: string) => {
      const { readFile } = await import('node:fs/promises');
      let csv: string;
      try {
        csv = await readFile(file, 'utf8');
      } catch {
        const message = `Không đọc được tệp ${file}.`;
        console.error(message);
        console.log(JSON.stringify({ error: message }));
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (db) => {
        const { systemActor } = await import('../../db/actor.ts');
        const { importCalendar } = await import('./import-calendar.ts');
        const result = await importCalendar(
          db,
          { system: systemActor('sogd services calendar import') },
          { csv, source: file },
        );
        console.log(JSON.stringify(result));
      });
    });
}

/** Opens the database, runs `work`; a refusal prints its JSON line and exits 1. */
async function withDatabase(work: (db: Db) => Promise<void>) {
  const { migrateToLatest, openDatabase, targetFromEnv } = await import('../../db/connection.ts');
  const { AppError } = await import('../../core/errors.ts');
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    await work(database.db);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    console.log(
      JSON.stringify({
        error: message,
        ...(error instanceof AppError ? { status: error.status } : {}),
      }),
    );
    process.exitCode = error instanceof AppError && error.status === 400 ? 2 : 1;
  } finally {
    await database.close();
  }
}
