import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { systemActor } from '../../../db/actor.ts';
import { migrateToLatest, openDatabase, targetFromEnv } from '../../../db/connection.ts';
import { UnreadableWorkbookError } from '../../../lib/xlsx.ts';
import { printRowErrors } from '../../../core/cli.ts';
import { annotatedWorkbook } from './annotate.ts';
import { importStaff } from './import-staff.ts';
import { importStudents } from './import-students.ts';

/**
 * `sogd import students|staff`: the same imports as the pages, as the
 * machine (system actor, the whole province). Loaded only when one of these
 * commands runs (../cli.ts), so that `sogd --help` loads no ExcelJS or driver.
 * Exit codes: 0 done, 1 rejected rows, 2 unreadable file or usage.
 */

/** Annotated copies are made for files up to this size (the copy is built in memory). */
const ANNOTATE_LIMIT = 20 * 1024 * 1024;

const UNREADABLE_SUMMARY = { rows: 0, added: 0, updated: 0, unchanged: 0, errors: 1, ms: 0 };

export async function importStudentsCommand(
  file: string,
  options: { year: string; dryRun?: boolean; createClasses?: boolean },
): Promise<void> {
  if (!/^\d{4}-\d{4}$/.test(options.year)) {
    console.error(`Năm học "${options.year}" không hợp lệ: cần dạng 2025-2026.`);
    process.exitCode = 2;
    return;
  }
  const database = await openDatabase(targetFromEnv());
  let read = 0;
  let written = 0;
  let shown = 0;
  const show = () => {
    // At most a few lines a second: the terminal is not the bottleneck.
    if (Date.now() - shown < 200) return;
    shown = Date.now();
    process.stderr.write(
      `\rĐã đọc ${read.toLocaleString('vi-VN')} dòng, đã ghi ${written.toLocaleString('vi-VN')} học sinh…`,
    );
  };
  try {
    await migrateToLatest(database.db);
    const result = await importStudents(database.db, file, {
      actor: systemActor(`nhập học sinh từ ${file}`),
      schoolYear: options.year,
      dryRun: options.dryRun ?? false,
      createClasses: options.createClasses ?? false,
      onProgress: (rows) => {
        read = rows;
        show();
      },
      onWritten: (rows) => {
        written = rows;
        show();
      },
    });
    shown = 0;
    show();
    process.stderr.write('\n');
    if (result.unknownColumns.length)
      console.error(`Bỏ qua các cột không dùng: ${result.unknownColumns.join(', ')}`);
    printRowErrors(result.errorList);
    if (result.errorList.length) {
      if (statSync(file).size <= ANNOTATE_LIMIT) {
        const copy = file.replace(/\.xlsx$/i, '') + '-loi.xlsx';
        writeFileSync(
          copy,
          await annotatedWorkbook(readFileSync(file), result.errorList, result.changes),
        );
        console.error(`Bản có đánh dấu lỗi: ${copy}`);
      }
      console.error(`Tệp bị từ chối: ${result.summary.errors} lỗi, không có gì được ghi.`);
      process.exitCode = 1;
    } else if (options.dryRun) {
      // What each update would overwrite, before → after (the first 1,000 listed).
      for (const c of result.changes)
        console.error(
          `Dòng ${c.row} (${c.student}): ${c.fields.map((f) => `${f.column}: ${f.before ?? '(trống)'} → ${f.after ?? '(trống)'}`).join('; ')}`,
        );
      console.error('Chạy thử: tệp hợp lệ, không có gì được ghi.');
    }
    console.log(JSON.stringify(result.summary));
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) {
      console.error(`\n${error.message}`);
      console.log(JSON.stringify(UNREADABLE_SUMMARY));
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}

export async function importStaffCommand(
  file: string,
  options: { dryRun?: boolean },
): Promise<void> {
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    const result = await importStaff(database.db, file, {
      actor: systemActor(`nhập cán bộ từ ${file}`),
      dryRun: options.dryRun ?? false,
      onProgress: (rows) => process.stderr.write(`\rĐã đọc ${rows.toLocaleString('vi-VN')} dòng…`),
    });
    process.stderr.write('\n');
    if (result.unknownColumns.length)
      console.error(`Bỏ qua các cột không dùng: ${result.unknownColumns.join(', ')}`);
    printRowErrors(result.errorList);
    if (result.errorList.length) {
      if (statSync(file).size <= ANNOTATE_LIMIT) {
        const copy = file.replace(/\.xlsx$/i, '') + '-loi.xlsx';
        writeFileSync(copy, await annotatedWorkbook(readFileSync(file), result.errorList));
        console.error(`Bản có đánh dấu lỗi: ${copy}`);
      }
      console.error(`Tệp bị từ chối: ${result.errorList.length} lỗi, không có gì được ghi.`);
      process.exitCode = 1;
    } else if (options.dryRun) console.error('Chạy thử: tệp hợp lệ, không có gì được ghi.');
    console.log(JSON.stringify(result.summary));
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) {
      console.error(error.message);
      console.log(JSON.stringify(UNREADABLE_SUMMARY));
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}
