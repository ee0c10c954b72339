import type { Command } from 'commander';
import type { Db } from '../../db/connection.ts';

/**
 * `sogd office …` (docs/formats/office.md): thin declarations; each action
 * loads its use case (and the database driver) only when it runs. Every
 * command ends with one JSON line on standard output; exit 0 done, 1 refused,
 * 2 unreadable input or usage.
 */

interface Outcome {
  json: Record<string, unknown>;
  code: 0 | 1 | 2;
}

/** Opens the database, runs `work`, prints its JSON line and sets the exit code. */
async function run(work: (db: Db) => Promise<Outcome>) {
  const { migrateToLatest, openDatabase, targetFromEnv } = await import('../../db/connection.ts');
  const { AppError } = await import('../../core/errors.ts');
  const { UnreadablePdfError } = await import('./signing.ts');
  let outcome: Outcome;
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    outcome = await work(database.db);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof UnreadablePdfError ? 2 : 1;
    console.error(message);
    outcome = {
      json: { error: message, ...(error instanceof AppError ? { status: error.status } : {}) },
      code,
    };
  } finally {
    await database.close();
  }
  console.log(JSON.stringify(outcome.json));
  process.exitCode = outcome.code;
}

async function unitIdOf(db: Db, code: string): Promise<string> {
  const { findUnitByCode } = await import('../orgs/index.ts');
  const { badRequest } = await import('../../core/errors.ts');
  const unit = await findUnitByCode(db, code);
  if (!unit) throw badRequest(`Không có đơn vị mã "${code}".`);
  return unit.id;
}

export function registerOfficeCommands(program: Command): void {
  const office = program
    .command('office')
    .description('Văn bản đi, đến và ký số (Nghị định 30/2020/NĐ-CP)');

  office
    .command('register-outgoing')
    .description('Cấp số và vào sổ một văn bản đi của đơn vị (Điều 15)')
    .requiredOption('--unit <code>', 'mã đơn vị ban hành')
    .requiredOption(
      '--type <type>',
      'ký hiệu loại văn bản (Phụ lục III: QĐ, KH, TB, BC, TTr, CT…; CV: công văn)',
    )
    .requiredOption('--subject <text>', 'trích yếu nội dung')
    .option('--date <yyyy-mm-dd>', 'ngày văn bản (mặc định: hôm nay, giờ Việt Nam)')
    .option('--drafting-unit <abbr>', 'tên viết tắt đơn vị soạn thảo (ví dụ VP)')
    .action(
      (options: {
        unit: string;
        type: string;
        subject: string;
        date?: string;
        draftingUnit?: string;
      }) =>
        run(async (db) => {
          const { systemActor } = await import('../../db/actor.ts');
          const { registerOutgoing } = await import('./register-outgoing.ts');
          const unitId = await unitIdOf(db, options.unit);
          const result = await registerOutgoing(
            db,
            { system: systemActor('sogd office register-outgoing') },
            {
              unitId,
              type: options.type.normalize('NFC'),
              subject: options.subject,
              ...(options.date !== undefined ? { date: options.date } : {}),
              ...(options.draftingUnit !== undefined
                ? { draftingUnit: options.draftingUnit.normalize('NFC') }
                : {}),
            },
          );
          console.error(`Đã vào sổ văn bản đi số ${result.notation}.`);
          return {
            json: {
              number: result.number,
              notation: result.notation,
              year: result.year,
              id: result.id,
            },
            code: 0,
          };
        }),
    );

  office
    .command('sign')
    .description('Ký số một tệp PDF bằng chứng thư của đơn vị (PAdES, cập nhật gia tăng)')
    .argument('<in>', 'tệp PDF cần ký')
    .requiredOption('--out <file>', 'tệp PDF đã ký')
    .requiredOption('--unit <code>', 'mã đơn vị ký')
    .action((input: string, options: { out: string; unit: string }) =>
      run(async (db) => {
        const { readFile, writeFile } = await import('node:fs/promises');
        const { systemActor } = await import('../../db/actor.ts');
        const { signPdf } = await import('./sign-pdf.ts');
        const { officeKeyPassphrase } = await import('./keys.ts');
        const { UnreadablePdfError } = await import('./signing.ts');
        let pdf: Buffer;
        try {
          pdf = await readFile(input);
        } catch (error) {
          throw new UnreadablePdfError(
            `Không đọc được tệp ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
          );
        }
        const unitId = await unitIdOf(db, options.unit);
        const signed = await signPdf(
          db,
          { system: systemActor('sogd office sign') },
          {
            unitId,
            pdf,
            passphrase: officeKeyPassphrase(),
          },
        );
        await writeFile(options.out, signed.pdf);
        console.error(`Đã ký ${input} → ${options.out} bằng chứng thư "${signed.subject}".`);
        return {
          json: {
            out: options.out,
            sha256: signed.sha256,
            signedAt: signed.signedAt,
            signer: signed.subject,
          },
          code: 0,
        };
      }),
    );

  office
    .command('set-abbreviation')
    .description(
      'Khai báo tên viết tắt của đơn vị (ghi trong ký hiệu văn bản) và các phòng soạn thảo',
    )
    .requiredOption('--unit <code>', 'mã đơn vị')
    .requiredOption('--abbreviation <abbr>', 'tên viết tắt, ví dụ SGDĐT')
    .option('--divisions <list>', 'tên viết tắt các đơn vị soạn thảo, cách nhau bởi dấu phẩy')
    .action((options: { unit: string; abbreviation: string; divisions?: string }) =>
      run(async (db) => {
        const { systemActor } = await import('../../db/actor.ts');
        const { saveSettings } = await import('./save-settings.ts');
        const unitId = await unitIdOf(db, options.unit);
        const saved = await saveSettings(
          db,
          { system: systemActor('sogd office set-abbreviation') },
          {
            unitId,
            abbreviation: options.abbreviation.normalize('NFC'),
            divisions: (options.divisions ?? '')
              .split(',')
              .map((d) => d.trim().normalize('NFC'))
              .filter(Boolean),
          },
        );
        return {
          json: {
            unit: saved.unit.code,
            abbreviation: saved.abbreviation,
            divisions: saved.divisions,
          },
          code: 0,
        };
      }),
    );
}
