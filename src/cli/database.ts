import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { migrateToLatest, openDatabase, restoreEmbedded, targetFromEnv } from '../db/connection.ts';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất')
    .action(async () => {
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
      const target = targetFromEnv();
      if (target.databaseUrl)
        throw new Error(
          'Với PostgreSQL, hãy khôi phục bằng pg_restore; lệnh này dành cho cơ sở dữ liệu nhúng.',
        );
      const bytes = readFileSync(file);
      const movedTo = await restoreEmbedded(target.dataDir ?? './data', new Blob([bytes]));
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
