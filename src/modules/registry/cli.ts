import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../../db/actor.ts';
import { migrateToLatest, openDatabase, targetFromEnv } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { commandGroup, printRowErrors } from '../../core/cli.ts';
import { importStaff } from './import-staff.ts';
import { annotatedWorkbook, importStudents } from './import-students.ts';
import { schoolYearOf } from './service.ts';
import { AppError } from '../../core/errors.ts';
import {
  applyForSchool,
  nextSchoolYear,
  previewForSchool,
  type PromotionPlan,
} from './promotion.ts';

/** Annotated copies are made for files up to this size (the copy is built in memory). */
const ANNOTATE_LIMIT = 20 * 1024 * 1024;

export function registerRegistryCommands(program: Command): void {
  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('students <file>')
    .description('Nhập danh sách học sinh (docs/formats/student-import.md)')
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
          onProgress: (rows) =>
            process.stderr.write(`\rĐã đọc ${rows.toLocaleString('vi-VN')} dòng…`),
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

  commandGroup(program, 'registry', 'Sổ đăng bộ: lên lớp')
    .command('promote')
    .description('Lên lớp cho một trường: năm học --from sang năm sau (README, "School year")')
    .requiredOption('--school <code>', 'mã trường')
    .requiredOption('--from <year>', 'năm học kết thúc, ví dụ 2025-2026')
    .option('--dry-run', 'chỉ xem trước, không ghi gì')
    .option(
      '--repeaters <file>',
      'tệp văn bản: mỗi dòng một mã học sinh, mã định danh hoặc id ở lại lớp',
    )
    .action(
      async (options: { school: string; from: string; dryRun?: boolean; repeaters?: string }) => {
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
          const db = database.db;
          const school = await db
            .selectFrom('org_unit')
            .select(['id', 'code', 'name', 'levels'])
            .where('code', '=', options.school)
            .executeTakeFirst();
          if (!school) {
            console.error(`Không có trường mang mã "${options.school}".`);
            process.exitCode = 2;
            return;
          }
          const repeaterIds: string[] = [];
          const unknown: { row: number; column: string; message: string }[] = [];
          for (const [i, key] of lines.entries()) {
            if (!key) continue;
            const found = await db
              .selectFrom('student')
              .select('id')
              .where('school_id', '=', school.id)
              .where((eb) =>
                eb.or([
                  eb('student_code', '=', key),
                  eb('personal_id', '=', key),
                  ...(/^[0-9a-f-]{36}$/i.test(key) ? [eb('id', '=', key)] : []),
                ]),
              )
              .executeTakeFirst();
            if (found) repeaterIds.push(found.id);
            else
              unknown.push({
                row: i + 1,
                column: 'Học sinh',
                message: `"${key}" không phải học sinh của ${school.name}.`,
              });
          }
          if (unknown.length) {
            printRowErrors(unknown);
            console.error('Tệp học sinh ở lại lớp bị từ chối: không có gì được ghi.');
            process.exitCode = 1;
            return;
          }
          const input = { schoolId: school.id, fromYear: options.from, repeaterIds };
          process.stderr.write(`${options.dryRun ? 'Xem trước' : 'Lên lớp'} ${school.name}…\n`);
          const plan: PromotionPlan & { runId?: string | null } = options.dryRun
            ? await previewForSchool(db, school, input)
            : await applyForSchool(
                db,
                systemActor(`lên lớp ${school.code} ${options.from}`),
                school,
                input,
              );
          for (const c of plan.classes)
            process.stderr.write(
              `${c.source.name.padEnd(12)} → ${(c.target ? `${c.target.name}${c.target.exists ? '' : ' (mới)'}` : c.action === 'graduate' ? 'hoàn thành cấp' : 'không tự động').padEnd(22)} lên lớp ${c.promoted.length}, ở lại ${c.repeating.length}, tốt nghiệp ${c.graduating.length}, đã có lớp ${c.skipped.length}, không tự động ${c.notPromoted.length}\n`,
            );
          if (options.dryRun) console.error('Chạy thử: không có gì được ghi.');
          console.log(
            JSON.stringify({ ...plan.totals, toYear: plan.toYear, ms: Date.now() - started }),
          );
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
      },
    );
}
