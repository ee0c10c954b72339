import type { Command } from 'commander';
import { commandGroup } from '../../core/cli.ts';
import { schoolYearOf } from './contract.ts';

/**
 * The registry's commands. Declarations only: each action imports its
 * command lazily, so that `sogd --help` loads no ExcelJS and no database
 * driver (cli.test.ts checks what this file loads).
 */
export function registerRegistryCommands(program: Command): void {
  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('students <file>')
    .description('Nhập danh sách học sinh (docs/formats/student-import.md)')
    .option('--year <year>', 'năm học, ví dụ 2025-2026', schoolYearOf())
    .option('--dry-run', 'chỉ kiểm tra và báo cáo, không ghi gì')
    .option('--create-classes', 'tạo lớp chưa có (khối lấy từ số đầu tên lớp)')
    .action(
      async (file: string, options: { year: string; dryRun?: boolean; createClasses?: boolean }) =>
        (await import('./imports/commands.ts')).importStudentsCommand(file, options),
    );

  commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
    .command('staff <file>')
    .description(
      'Nhập danh sách cán bộ, giáo viên, nhân viên (docs/registry-imports.md, "Staff list import")',
    )
    .option('--dry-run', 'chỉ kiểm tra và báo cáo, không ghi gì')
    .action(async (file: string, options: { dryRun?: boolean }) =>
      (await import('./imports/commands.ts')).importStaffCommand(file, options),
    );

  commandGroup(program, 'registry', 'Sổ đăng bộ: lên lớp')
    .command('promote')
    .description(
      'Lên lớp cho một trường: năm học --from sang năm sau (docs/schools.md, "School year")',
    )
    .requiredOption('--school <code>', 'mã trường')
    .requiredOption('--from <year>', 'năm học kết thúc, ví dụ 2025-2026')
    .option('--dry-run', 'chỉ xem trước, không ghi gì')
    .option(
      '--repeaters <file>',
      'tệp văn bản: mỗi dòng một mã học sinh, mã định danh hoặc id ở lại lớp',
    )
    .action(
      async (options: { school: string; from: string; dryRun?: boolean; repeaters?: string }) =>
        (await import('./year-end/commands.ts')).promoteCommand(options),
    );
}
