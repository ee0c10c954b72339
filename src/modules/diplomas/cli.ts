import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { systemActor } from '../../db/actor.ts';
import { migrateToLatest, openDatabase, targetFromEnv, type Db } from '../../db/connection.ts';
import { parseVietnameseDate } from '../../lib/dates.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { commandGroup, printRowErrors } from '../../core/cli.ts';
import { publicUrlFromEnv } from '../../core/http/public-url.ts';
import { findUnitByCode } from '../orgs/index.ts';
import { verifyDocument } from '../../lib/credentials/data-integrity.ts';
import { publicKeyFromMultibase } from '../../lib/credentials/multibase.ts';
import { verifyDiplomaQr, type IssuerKey } from './credentials/qr.ts';
import { importGraduates } from './import.ts';
import { listIssuerKeys, passphraseFromEnv, rotateIssuerKey } from './keys.ts';

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

async function authorityId(db: Db, code: string): Promise<string> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new Error(`Không có đơn vị mã "${code}".`);
  return unit.id;
}

function date(value: string): string {
  const iso = parseVietnameseDate(value);
  if (!iso) throw new InvalidArgumentError('cần ngày dạng dd/mm/yyyy.');
  return iso;
}

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
        for (const k of await listIssuerKeys(db))
          console.log(
            `${k.kid}  ${k.retiredAt ? `ngừng ${k.retiredAt.slice(0, 10)}` : 'đang dùng'}  ${k.did}`,
          );
      }),
    );

  const diplomas = program.command('diplomas').description('Văn bằng');
  const issue = (file: string, options: IssueOptions) =>
    withDb(async (db) => {
      try {
        const result = await importGraduates(db, file, {
          actor: systemActor(`cấp văn bằng từ ${file}`),
          dryRun: options.dryRun ?? false,
          authorityId: await authorityId(db, options.authority),
          diplomaType: options.type,
          issueDate: options.issueDate,
          signerName: options.signer,
          signerTitle: options.signerTitle,
          context: {
            passphrase: passphraseFromEnv(),
            publicUrl: publicUrlFromEnv(),
          },
        });
        if (result.unknownColumns.length)
          console.error(`Bỏ qua các cột không dùng: ${result.unknownColumns.join(', ')}`);
        printRowErrors(result.errorList);
        if (result.errorList.length) {
          console.error(`Tệp bị từ chối: ${result.errorList.length} lỗi, không cấp văn bằng nào.`);
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
      }
    });
  interface IssueOptions {
    authority: string;
    type: 'upper_secondary' | 'lower_secondary';
    issueDate: string;
    signer: string;
    signerTitle: string;
    dryRun?: boolean;
  }
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
      .option('--issue-date <dd/mm/yyyy>', 'ngày cấp', date, new Date().toISOString().slice(0, 10))
      .option('--dry-run', 'chỉ kiểm tra, không cấp');
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
      const text = bytes
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        ? decodePngQr(bytes)
        : bytes.toString('utf8').trim();
      if (text === null) {
        console.error('Không tìm thấy mã QR trong ảnh.');
        process.exitCode = 2;
        return;
      }
      if (text.startsWith('{')) {
        let credential: unknown;
        try {
          credential = JSON.parse(text);
        } catch {
          console.error('Tệp không phải JSON hợp lệ.');
          process.exitCode = 2;
          return;
        }
        const result = verifyDocument(credential);
        if (result.ok)
          console.log(`HỢP LỆ: chữ ký của ${result.issuer} (${result.verificationMethod}).`);
        else console.log(`KHÔNG HỢP LỆ: ${result.message}`);
        process.exitCode = result.ok ? 0 : result.code === 'malformed' ? 2 : 1;
        return;
      }
      // A QR payload: checked against the keys this installation publishes.
      const keys: IssuerKey[] = await withDb(async (db) =>
        (await listIssuerKeys(db)).map((k) => ({
          kid: Uint8Array.from(Buffer.from(k.kid, 'hex')),
          publicKey: publicKeyFromMultibase(k.publicKeyMultibase),
        })),
      ).catch(() => []);
      const result = await verifyDiplomaQr(text, keys);
      const label = {
        valid: 'HỢP LỆ',
        tampered: 'KHÔNG HỢP LỆ',
        unknown_issuer: 'KHÔNG RÕ ĐƠN VỊ CẤP',
        unreadable: 'KHÔNG ĐỌC ĐƯỢC',
      }[result.status];
      console.log(`${label}: ${result.message}`);
      if (result.fields) console.log(JSON.stringify(result.fields));
      process.exitCode = result.status === 'valid' ? 0 : result.status === 'unreadable' ? 2 : 1;
    });
}

// jsqr is CommonJS whose types declare a default export: take whichever is the function.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

function decodePngQr(bytes: Buffer): string | null {
  try {
    const png = PNG.sync.read(bytes);
    const code = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    return code ? code.data : null;
  } catch {
    return null;
  }
}
