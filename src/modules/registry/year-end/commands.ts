import { readFileSync } from 'node:fs';
import { migrateToLatest, openDatabase, targetFromEnv } from '../../../db/connection.ts';
import { printRowErrors } from '../../../core/cli.ts';
import { AppError } from '../../../core/errors.ts';
import { nextSchoolYear } from './plan.ts';
import { promoteSchoolByCode } from './promote-school.ts';

/**
 * `sogd registry promote`: loaded only when it runs (../cli.ts). Exit codes:
 * 0 done, 1 refused (unknown repeater, a rule of the plan), 2 usage.
 */
export async function promoteCommand(options: {
  school: string;
  from: string;
  dryRun?: boolean;
  repeaters?: string;
}): Promise<void> {
  try {
    nextSchoolYear(options.from);
  } catch (error) {
    console.error((error as AppError).detail);
    process.exitCode = 2;
    return;
  }
  let lines: string[] = [];
  if (options.repeaters) {
    try {
      lines = readFileSync(options.repeaters, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim());
    } catch {
      console.error(`Không đọc được tệp ${options.repeaters}.`);
      process.exitCode = 2;
      return;
    }
  }
  const started = Date.now();
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    const outcome = await promoteSchoolByCode(database.db, {
      schoolCode: options.school,
      fromYear: options.from,
      repeaterLines: lines,
      dryRun: options.dryRun ?? false,
      onStart: (school) =>
        process.stderr.write(`${options.dryRun ? 'Xem trước' : 'Lên lớp'} ${school.name}…\n`),
    });
    if (outcome.kind === 'unknown-school') {
      console.error(`Không có trường mang mã "${options.school}".`);
      process.exitCode = 2;
      return;
    }
    if (outcome.kind === 'unknown-repeaters') {
      printRowErrors(outcome.errors);
      console.error('Tệp học sinh ở lại lớp bị từ chối: không có gì được ghi.');
      process.exitCode = 1;
      return;
    }
    const { plan } = outcome;
    for (const c of plan.classes)
      process.stderr.write(
        `${c.source.name.padEnd(12)} → ${(c.target ? `${c.target.name}${c.target.exists ? '' : ' (mới)'}` : c.action === 'graduate' ? 'hoàn thành cấp' : 'không tự động').padEnd(22)} lên lớp ${c.promoted.length}, ở lại ${c.repeating.length}, tốt nghiệp ${c.graduating.length}, đã có lớp ${c.skipped.length}, không tự động ${c.notPromoted.length}\n`,
      );
    if (options.dryRun) console.error('Chạy thử: không có gì được ghi.');
    console.log(JSON.stringify({ ...plan.totals, toYear: plan.toYear, ms: Date.now() - started }));
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.detail);
      for (const e of error.errors) console.error(`${e.path}: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}
