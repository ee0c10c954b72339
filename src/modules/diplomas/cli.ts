import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { Db } from '../../db/connection.ts';
import { checkVietnameseDate, todayInVietnam } from '../../lib/dates.ts';
import { commandGroup } from '../../core/cli.ts';

/**
 * `sogd keys …`, `sogd diplomas …` and `sogd import graduates`: commander
 * declarations only. Every action imports its use case and the database
 * when it runs, so `sogd --help` loads no database driver, pdfkit, ExcelJS
 * or QR code library. The commands are system tasks run by the operator
 * (systemScope / systemActor), on the database of DATABASE_URL or DATA_DIR.
 */

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { migrateToLatest, openDatabase, targetFromEnv } = await import('../../db/connection.ts');
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

async function authorityId(db: Db, code: string): Promise<string> {
  const { findUnitByCode } = await import('../orgs/index.ts');
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new Error(`Không có đơn vị mã "${code}".`);
  return unit.id;
}

/** dd/mm/yyyy; a malformed date and a day not in the calendar are told apart. */
function date(value: string): string {
  const r = checkVietnameseDate(value, 'Ngày cấp');
  if (!r.ok) throw new InvalidArgumentError(r.message);
  return r.iso;
}

interface IssueOptions {
  authority: string;
  type: 'upper_secondary' | 'lower_secondary';
  issueDate: string;
  signer: string;
  signerTitle: string;
  dryRun?: boolean;
}

const issue = (file: string, options: IssueOptions) =>
  withDb(async (db) => {
    const [{ importGraduates }, { systemScope }, { passphraseFromEnv }, xlsx, core, publicUrl] =
      await Promise.all([
        import('./import-graduates.ts'),
        import('./access.ts'),
        import('./passphrase.ts'),
        import('../../lib/xlsx.ts'),
        import('../../core/cli.ts'),
        import('../../core/http/public-url.ts'),
      ]);
    try {
      const result = await importGraduates(
        db,
        systemScope(`cấp văn bằng từ ${file}`),
        {
          file,
          dryRun: options.dryRun ?? false,
          authorityId: await authorityId(db, options.authority),
          diplomaType: options.type,
          issueDate: options.issueDate,
          signerName: options.signer,
          signerTitle: options.signerTitle,
        },
        () => ({ passphrase: passphraseFromEnv(), publicUrl: publicUrl.publicUrlFromEnv() }),
      );
      if (result.unknownColumns.length)
        console.error(`Bỏ qua các cột không dùng: ${result.unknownColumns.join(', ')}`);
      core.printRowErrors(result.errorList);
      if (result.errorList.length) {
        console.error(`Tệp bị từ chối: ${result.errorList.length} lỗi, không cấp văn bằng nào.`);
        process.exitCode = 1;
      }
      console.log(JSON.stringify(result.summary));
    } catch (error) {
      if (error instanceof xlsx.UnreadableWorkbookError) {
        console.error(error.message);
        console.log(
          JSON.stringify({ rows: 0, added: 0, updated: 0, unchanged: 0, errors: 1, ms: 0 }),
        );
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  });

const addIssueOptions = (command: Command) =>
  command
    .requiredOption('--signer <name>', 'họ tên người ký')
    .option('--signer-title <title>', 'chức danh người ký', 'Giám đốc')
    .option('--authority <code>', 'mã đơn vị cấp', 'SGD')
    .option(
      '--type <type>',
      'upper_secondary | lower_secondary',
      (v) => {
        if (v !== 'upper_secondary' && v !== 'lower_secondary')
          throw new InvalidArgumentError('cần upper_secondary hoặc lower_secondary.');
        return v;
      },
      'upper_secondary',
    )
    .option('--issue-date <dd/mm/yyyy>', 'ngày cấp (không sau hôm nay)', date, todayInVietnam())
    .option('--dry-run', 'chỉ kiểm tra, không cấp');

export function registerDiplomaCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description('Khoá ký văn bằng (mã hoá bằng SOGD_KEY_PASSPHRASE)');
  for (const [name, description, mustBeNew] of [
    ['create', 'Tạo khoá ký đầu tiên cho đơn vị cấp', true],
    ['rotate', 'Tạo khoá mới, khoá cũ ngừng ký nhưng vẫn được công bố để xác minh', false],
  ] as const)
    keys
      .command(name)
      .description(description)
      .option('--authority <code>', 'mã đơn vị cấp văn bằng', 'SGD')
      .action((options: { authority: string }) =>
        withDb(async (db) => {
          const [{ listIssuerKeys, passphraseFromEnv, rotateIssuerKey }, { systemActor }] =
            await Promise.all([import('./keys.ts'), import('../../db/actor.ts')]);
          const passphrase = passphraseFromEnv();
          const unitId = await authorityId(db, options.authority);
          const existing = (await listIssuerKeys(db)).filter(
            (k) => k.authorityId === unitId && !k.retiredAt,
          );
          if (mustBeNew && existing.length)
            throw new Error(
              `Đơn vị ${options.authority} đã có khoá ${existing[0]!.kid}; dùng "sogd keys rotate" để thay.`,
            );
          const key = await rotateIssuerKey(db, systemActor(`keys ${name}`), unitId, passphrase);
          console.log(`Khoá mới ${key.kid} (${key.did}) cho ${options.authority}.`);
        }),
      );
  keys
    .command('list')
    .description('Liệt kê khoá công khai (kể cả khoá đã thay)')
    .action(() =>
      withDb(async (db) => {
        const { listIssuerKeys } = await import('./keys.ts');
        for (const k of await listIssuerKeys(db))
          console.log(
            `${k.kid}  ${k.retiredAt ? `ngừng ${k.retiredAt.slice(0, 10)}` : 'đang dùng'}  ${k.did}`,
          );
      }),
    );

  const diplomas = program.command('diplomas').description('Văn bằng');
  addIssueOptions(
    diplomas
      .command('issue <file>')
      .description('Cấp văn bằng từ danh sách công nhận tốt nghiệp (xlsx)'),
  ).action(issue);
  addIssueOptions(
    commandGroup(program, 'import', 'Nhập dữ liệu từ tệp Excel')
      .command('graduates <file>')
      .description('Như "diplomas issue"'),
  ).action(issue);

  diplomas
    .command('verify <file>')
    .description(
      'Xác minh chứng chỉ .json hoặc mã QR (văn bản hay ảnh PNG); mã thoát 0 hợp lệ, 1 không hợp lệ, 2 không đọc được',
    )
    .action(async (file: string) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        console.error(`Không đọc được tệp ${file}.`);
        process.exitCode = 2;
        return;
      }
      const { verifyFile } = await import('./verify-file.ts');
      // A QR payload is checked against the keys this installation publishes.
      const result = await verifyFile(bytes, () =>
        withDb(async (db) => {
          const [{ listIssuerKeys }, { publicKeyFromMultibase }] = await Promise.all([
            import('./keys.ts'),
            import('../../lib/credentials/multibase.ts'),
          ]);
          return (await listIssuerKeys(db)).map((k) => ({
            kid: Uint8Array.from(Buffer.from(k.kid, 'hex')),
            publicKey: publicKeyFromMultibase(k.publicKeyMultibase),
          }));
        }).catch(() => []),
      );
      for (const line of result.err) console.error(line);
      for (const line of result.out) console.log(line);
      process.exitCode = result.code;
    });
}
