import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../../db/actor.ts';
import { migrateToLatest, openDatabase, targetFromEnv } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { commandGroup, printRowErrors } from '../../cli/util.ts';
import { importStaff } from './import-staff.ts';
import { annotatedWorkbook, importStudents } from './import-students.ts';
import { schoolYearOf } from './service.ts';

/** Annotated copies are made for files up to this size (the copy is built in memory). */
const ANNOTATE_LIMIT = 20 * 1024 * 1024;

export function registerRegistryCommands(program: Command): void {
  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('students <file>')
    .description('Nhập danh sách học sinh (../shared/formats/student-import.md)')
    .option('--year <year>', 'năm học, ví dụ 2025-2026', schoolYearOf())
    .option('--dry-run', 'chỉ kiểm tra và báo cáo, không ghi gì')
    .option('--create-classes', 'tạo lớp chưa có (khối lấy từ số đầu tên lớp)')
    .action(
      async (
        file: string,
        options: { year: string; dryRun?: boolean; createClasses?: boolean },
      ) => {
        if (!/^\d{4}-\d{4}$/.test(options.year)) {
          console.error(`Năm học "${options.year}" không hợp lệ: cần dạng 2025-2026.`);
          process.exitCode = 2;
          return;
        }
        const database = await openDatabase(targetFromEnv());
        let read = 0;
        let written = 0;
        try {
          await migrateToLatest(database.db);
          const result = await importStudents(database.db, file, {
            actor: systemActor(`nhập học sinh từ ${file}`),
            schoolYear: options.year,
            dryRun: options.dryRun ?? false,
            createClasses: options.createClasses ?? false,
            onProgress: (done, phase, total) => {
              if (phase === 'read') read = done;
              else [written, read] = [done, total ?? read];
              process.stderr.write(
                `\rĐã đọc ${read.toLocaleString('vi-VN')} dòng, đã ghi ${written.toLocaleString('vi-VN')} học sinh…`,
              );
            },
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
            console.error(`Tệp bị từ chối: ${result.summary.errors} lỗi, không có gì được ghi.`);
            process.exitCode = 1;
          } else if (options.dryRun) console.error('Chạy thử: tệp hợp lệ, không có gì được ghi.');
          console.log(JSON.stringify(result.summary));
        } catch (error) {
          if (error instanceof UnreadableWorkbookError) {
            console.error(`\n${error.message}`);
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
      },
    );

  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('staff <file>')
    .description('Nhập danh sách cán bộ, giáo viên, nhân viên (README, "Staff list import")')
    .option('--dry-run', 'chỉ kiểm tra và báo cáo, không ghi gì')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const database = await openDatabase(targetFromEnv());
      try {
        await migrateToLatest(database.db);
        const result = await importStaff(database.db, file, {
          actor: systemActor(`nhập cán bộ từ ${file}`),
          dryRun: options.dryRun ?? false,
        });
        if (result.unknownColumns.length)
          console.error(`Bỏ qua các cột không dùng: ${result.unknownColumns.join(', ')}`);
        printRowErrors(result.errorList);
        if (result.errorList.length) {
          console.error(`Tệp bị từ chối: ${result.errorList.length} lỗi, không có gì được ghi.`);
          process.exitCode = 1;
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
}
