import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Command } from 'commander';

/** Loaded by each action, not at the top: `sogd --help` need not load the database drivers. */
const connection = () => import('../../db/connection.ts');

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất')
    .action(async () => {
      const { migrateToLatest, openDatabase, targetFromEnv } = await connection();
      const database = await openDatabase(targetFromEnv());
      try {
        const result = await migrateToLatest(database.db);
        const applied = result.results?.filter((r) => r.status === 'Success') ?? [];
        console.log(
          applied.length
            ? `Đã áp dụng ${applied.length} migration: ${applied.map((r) => r.migrationName).join(', ')}`
            : `Cơ sở dữ liệu đã ở phiên bản mới nhất (${database.describe}).`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('backup <file>')
    .description('Sao lưu cơ sở dữ liệu nhúng (PGlite) ra một tệp .tar.gz')
    .action(async (file: string) => {
      const { openDatabase, targetFromEnv } = await connection();
      const target = targetFromEnv();
      if (target.databaseUrl)
        throw new Error(
          'Với PostgreSQL, hãy sao lưu bằng pg_dump; lệnh này dành cho cơ sở dữ liệu nhúng.',
        );
      const database = await openDatabase(target);
      try {
        const blob = await database.dump!();
        writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
        console.log(
          `Đã sao lưu ${database.describe} vào ${file} (${(blob.size / 1e6).toFixed(1)} MB).`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore <file>')
    .description(
      'Khôi phục cơ sở dữ liệu nhúng từ tệp sao lưu (dữ liệu hiện có được giữ lại bên cạnh)',
    )
    .action(async (file: string) => {
      const { migrateToLatest, openDatabase, restoreEmbedded, targetFromEnv } = await connection();
      const target = targetFromEnv();
      if (target.databaseUrl)
        throw new Error(
          'Với PostgreSQL, hãy khôi phục bằng pg_restore; lệnh này dành cho cơ sở dữ liệu nhúng.',
        );
      const archive = readBackupArchive(file);
      if (typeof archive === 'string') {
        console.error(`${archive} Dữ liệu hiện có không bị thay đổi.`);
        process.exitCode = 2;
        return;
      }
      const movedTo = await restoreEmbedded(target.dataDir ?? './data', new Blob([archive]));
      const database = await openDatabase(target);
      try {
        await migrateToLatest(database.db);
      } finally {
        await database.close();
      }
      console.log(
        `Đã khôi phục từ ${file}.` + (movedTo ? ` Dữ liệu trước đó được giữ ở ${movedTo}.` : ''),
      );
    });
}

/**
 * The tar inside a backup (.tar.gz as `sogd backup` writes it, or a plain
 * .tar), checked whole before the data directory is touched: PGlite reads a
 * truncated archive with a gunzip whose failure escapes as an unhandled
 * Z_BUF_ERROR with a stack trace. A Vietnamese problem (a string) when the
 * file is unreadable, truncated or not a database backup.
 */
export function readBackupArchive(file: string): Buffer<ArrayBuffer> | string {
  let bytes: Buffer<ArrayBuffer>;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'không có tệp này'
        : code === 'EACCES'
          ? 'không có quyền đọc tệp'
          : code === 'EISDIR'
            ? 'đây là một thư mục'
            : (code ?? String(error));
    return `Không mở được tệp sao lưu ${file}: ${why}.`;
  }
  const damaged = `Tệp sao lưu ${file} bị hỏng hoặc không đầy đủ (có thể bị cắt ngắn khi tải về hoặc sao chép)`;
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      tar = gunzipSync(bytes);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return `${damaged}: ${code === 'Z_BUF_ERROR' ? 'tệp nén kết thúc giữa chừng' : 'không giải nén được'}. Hãy dùng lại bản sao lưu gốc.`;
    }
  }
  const problem = tarProblem(tar);
  if (problem === 'truncated') return `${damaged}: ${TAR_TRUNCATED}. Hãy dùng lại bản sao lưu gốc.`;
  if (problem)
    return `Tệp ${file} không phải bản sao lưu cơ sở dữ liệu của sogd (tạo bằng "sogd backup"): ${problem}.`;
  return tar;
}

const TAR_TRUNCATED = 'kho lưu trữ kết thúc giữa chừng';

/**
 * Walks the ustar headers (512-byte blocks: name, octal size, checksum) to
 * the end-of-archive block: null when whole and holding PG_VERSION (every
 * PostgreSQL data directory has it), 'truncated', or what is wrong.
 */
function tarProblem(tar: Buffer): string | null {
  let at = 0;
  let hasVersion = false;
  for (;;) {
    if (at + 512 > tar.length) return at === 0 ? 'tệp rỗng' : 'truncated';
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // end of archive
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim();
    if (parseInt(field(148, 8), 8) !== sum)
      return at === 0 ? 'không phải tệp .tar.gz' : `khối ${at / 512} sai tổng kiểm tra`;
    const name = field(0, 100).replace(/^\.?\//, '');
    if (name === 'PG_VERSION') hasVersion = true;
    const size = parseInt(field(124, 12) || '0', 8);
    at += 512 + Math.ceil(size / 512) * 512;
    if (at > tar.length) return 'truncated';
  }
  return hasVersion ? null : 'không có tệp PG_VERSION của thư mục dữ liệu';
}
