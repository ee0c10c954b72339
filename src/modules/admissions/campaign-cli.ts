/**
 * The campaign commands of docs/formats/admissions-campaign.md. Thin: each
 * action opens the database and imports its use case lazily, so that
 * `sogd --help` loads no database driver. Standard output ends with one
 * line of JSON; exit 1 for rejected input (nothing written), 2 for an
 * unreadable file or wrong usage.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { ImportSummary } from './contract.ts';
import type { Stage } from './stages.ts';

/** --stage: the specialised/integrated stage or the regular one (stages.ts). */
function stageOption() {
  return new Option('--stage <stage>', 'vòng: specialised (chuyên, tích hợp) hoặc regular')
    .choices(['specialised', 'regular'])
    .default('regular');
}

async function run(task: string, work: (db: Db, scope: Scope) => Promise<unknown>): Promise<void> {
  const { migrateToLatest, openDatabase, targetFromEnv } = await import('../../db/connection.ts');
  const { AppError } = await import('../../core/errors.ts');
  const { UnreadableFileError } = await import('./csv.ts');
  const { commandScope } = await import('./cli-scope.ts');
  const database = await openDatabase(targetFromEnv());
  try {
    await migrateToLatest(database.db);
    const scope = await commandScope(database.db, task);
    const answer = await work(database.db, scope);
    console.log(JSON.stringify(answer));
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      console.error(error.message);
      process.exitCode = 2;
    } else if (error instanceof AppError && error.status < 500) {
      console.error(error.detail);
      for (const e of error.errors) console.error(`  ${e.path}: ${e.message}`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await database.close();
  }
}

/** An import's summary line; its row problems on standard error, exit 1 if any. */
function summaryLine(summary: ImportSummary, file: string) {
  for (const p of summary.problems)
    console.error(`${file}:${p.row}: cột ${p.column}: ${p.message}`);
  for (const p of summary.warnings ?? [])
    console.error(`${file}:${p.row}: cột ${p.column}: cảnh báo: ${p.message}`);
  if (summary.errors) process.exitCode = 1;
  return {
    rows: summary.rows,
    added: summary.added,
    updated: summary.updated,
    unchanged: summary.unchanged,
    errors: summary.errors,
    ms: summary.ms,
  };
}

function isoTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    throw new InvalidArgumentError(
      'cần thời điểm ISO 8601 có múi giờ, ví dụ 2027-06-01T07:00:00+07:00.',
    );
  return value;
}

function points(value: string): number {
  if (!/^\d+(\.\d{1,2})?$/.test(value))
    throw new InvalidArgumentError('cần một số ≥ 0, tối đa 2 chữ số thập phân.');
  return Number(value);
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('cần số nguyên dương.');
  return Number(value);
}

export function registerCampaignCommands(admissions: Command): void {
  const campaign = admissions.command('campaign').description('Kỳ tuyển sinh');
  campaign
    .command('create')
    .description('Tạo kỳ tuyển sinh: năm học, lịch và quy định')
    .requiredOption('--name <text>', 'tên kỳ tuyển sinh')
    .requiredOption('--year <year>', 'năm học thí sinh trúng tuyển sẽ học, ví dụ 2027-2028')
    .option('--grade <n>', 'lớp tuyển: 10, hoặc 1, 6 (tuyển sinh đầu cấp)', integer, 10)
    .requiredOption('--opens <iso>', 'mở đăng ký', isoTime)
    .requiredOption('--closes <iso>', 'đóng đăng ký', isoTime)
    .option('--confirm-by <iso>', 'hạn xác nhận nhập học', isoTime)
    .option('--max-preferences <n>', 'số nguyện vọng tối đa (mặc định 3; lớp 1, 6: 1)', integer)
    .option('--rank-penalty <D>', 'điểm cần thêm ở mỗi nguyện vọng sau (D)', points, 0)
    .option('--ties <policy>', 'admit-all | tiebreak', 'admit-all')
    .option('--seed <n>', 'lớp 1, 6: hạt giống bốc thăm công bố (mặc định ngẫu nhiên)', integer)
    .option(
      '--criteria <list>',
      'lớp 1, 6: thứ tự ưu tiên, ví dụ permanent-residence,sibling,distance',
    )
    .option('--no-overflow', 'lớp 1, 6: không điều tiết trẻ chưa có chỗ sang trường gần nhất')
    .option(
      '--documents <list>',
      'lớp 1, 6: giấy tờ gia đình tải lên, ví dụ residence,birth-certificate,primary-record',
    )
    .action(
      (options: {
        name: string;
        year: string;
        grade: number;
        opens: string;
        closes: string;
        confirmBy?: string;
        maxPreferences?: number;
        rankPenalty: number;
        ties: string;
        seed?: number;
        criteria?: string;
        overflow: boolean;
        documents?: string;
      }) => {
        if (options.ties !== 'admit-all' && options.ties !== 'tiebreak') {
          console.error(`--ties "${options.ties}" không hợp lệ: cần admit-all hoặc tiebreak.`);
          process.exitCode = 2;
          return;
        }
        const ties = options.ties;
        return run('tạo kỳ tuyển sinh', async (db, scope) => {
          const { createCampaign } = await import('./create-campaign.ts');
          const { createCampaignBody } = await import('./contract.ts');
          const { badRequest } = await import('../../core/errors.ts');
          const parsed = createCampaignBody.safeParse({
            name: options.name,
            schoolYear: options.year,
            grade: options.grade,
            opensAt: options.opens,
            closesAt: options.closes,
            confirmBy: options.confirmBy ?? null,
            ...(options.maxPreferences !== undefined
              ? { maxPreferences: options.maxPreferences }
              : {}),
            rankPenalty: options.rankPenalty,
            ties,
            ...(options.grade === 1 || options.grade === 6
              ? {
                  entryRules: {
                    ...(options.seed !== undefined ? { seed: options.seed } : {}),
                    ...(options.criteria !== undefined
                      ? { order: options.criteria.split(',').map((c) => c.trim()) }
                      : {}),
                    overflowInCommune: options.overflow,
                    ...(options.documents !== undefined
                      ? { documents: options.documents.split(',').map((d) => d.trim()) }
                      : {}),
                  },
                }
              : {}),
          });
          if (!parsed.success)
            throw badRequest(
              parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            );
          const created = await createCampaign(db, scope, {
            ...parsed.data,
            ...(options.maxPreferences === undefined ? { maxPreferences: undefined } : {}),
          });
          return { campaign: created.id };
        });
      },
    );

  const programs = admissions.command('programs').description('Chương trình và chỉ tiêu');
  programs
    .command('import <campaign> <file>')
    .description('Nhập programs.csv: program,school_code,quota[,zone][,track][,unzoned][,classes]')
    .action((campaignId: string, file: string) =>
      run('nhập chỉ tiêu tuyển sinh', async (db, scope) => {
        const { readCsv } = await import('./csv.ts');
        const { importPrograms } = await import('./import-programs.ts');
        const rows = readCsv(
          file,
          ['program', 'school_code', 'quota'],
          ['zone', 'track', 'unzoned', 'classes'],
        ).map((r) => ({
          program: r.program!,
          schoolCode: r.school_code!,
          quota: r.quota!,
          ...(r.zone ? { zone: r.zone } : {}),
          ...(r.track ? { track: r.track } : {}),
          ...(r.unzoned ? { unzoned: r.unzoned } : {}),
          ...(r.classes ? { classes: r.classes } : {}),
        }));
        return summaryLine(await importPrograms(db, scope, campaignId, { rows }), file);
      }),
    );

  const candidates = admissions.command('candidates').description('Thí sinh');
  candidates
    .command('issue <campaign>')
    .description('Cấp mã và PIN cho học sinh lớp 9; ghi phiếu ra tệp CSV')
    .requiredOption('--out <file>', 'tệp phiếu: code,pin,student_code,full_name,school_code')
    .action((campaignId: string, options: { out: string }) =>
      run('cấp phiếu dự tuyển', async (db, scope) => {
        const { writeFileSync, renameSync } = await import('node:fs');
        const { csvCell } = await import('./csv.ts');
        const { issueCandidates } = await import('./issue-candidates.ts');
        const answer = await issueCandidates(db, scope, campaignId);
        const lines = ['code,pin,student_code,full_name,school_code'];
        for (const s of answer.slips)
          lines.push(
            [s.code, s.pin, s.studentCode, s.fullName, s.schoolCode].map(csvCell).join(','),
          );
        const temp = `${options.out}.tmp-${process.pid}`;
        writeFileSync(temp, lines.join('\n') + '\n', { mode: 0o600 });
        renameSync(temp, options.out);
        return { issued: answer.issued, existing: answer.existing };
      }),
    );

  const scores = admissions.command('scores').description('Điểm xét tuyển');
  scores
    .command('import <campaign> <file>')
    .description(
      'Nhập điểm: code,score (0–100, tối đa 2 chữ số thập phân)[,program: điểm riêng của một chương trình]',
    )
    .action((campaignId: string, file: string) =>
      run('nhập điểm xét tuyển', async (db, scope) => {
        const { readCsv } = await import('./csv.ts');
        const { importScores } = await import('./import-scores.ts');
        const rows = readCsv(file, ['code', 'score'], ['program']).map((r) => ({
          code: r.code!,
          score: r.score!,
          ...(r.program ? { program: r.program } : {}),
        }));
        return summaryLine(await importScores(db, scope, campaignId, { rows }), file);
      }),
    );

  admissions
    .command('export <campaign>')
    .description('Ghi programs.csv và applications.csv (nguyện vọng có hiệu lực khi đóng đăng ký)')
    .requiredOption('--out <dir>', 'thư mục')
    .addOption(stageOption())
    .action((campaignId: string, options: { out: string; stage: Stage }) =>
      run('xuất dữ liệu xét tuyển', async (db, scope) => {
        const { exportCampaign } = await import('./export-campaign.ts');
        return exportCampaign(db, scope, campaignId, options.out, options.stage);
      }),
    );

  admissions
    .command('allocate-campaign <campaign>')
    .description('Xét tuyển kỳ tuyển sinh trên đúng dữ liệu "export"; lưu bản nháp kết quả')
    .requiredOption('--out <dir>', 'thư mục ghi assignments.csv và cutoffs.csv')
    .addOption(stageOption())
    .action((campaignId: string, options: { out: string; stage: Stage }) =>
      run('xét tuyển', async (db, scope) => {
        const { allocateCampaign } = await import('./allocate-campaign.ts');
        return allocateCampaign(db, scope, campaignId, {
          outDir: options.out,
          stage: options.stage,
        });
      }),
    );

  admissions
    .command('publish-specialised <campaign>')
    .description('Công bố kết quả vòng chuyên, tích hợp; thí sinh trúng tuyển xác nhận trước hạn')
    .requiredOption('--confirm-by <iso>', 'hạn xác nhận (ISO 8601 có múi giờ)')
    .action((campaignId: string, options: { confirmBy: string }) =>
      run('công bố vòng chuyên, tích hợp', async (db, scope) => {
        const { publishSpecialised } = await import('./specialised-stage.ts');
        const c = await publishSpecialised(db, scope, campaignId, options);
        return { campaign: c.id, specialisedStatus: c.specialisedStatus };
      }),
    );

  admissions
    .command('hand-over')
    .description(
      'Chuyển học sinh trúng tuyển đã xác nhận nhập học sang cơ sở dữ liệu ngành (chờ xếp lớp)',
    )
    .requiredOption('--campaign <id>', 'mã kỳ tuyển sinh (đã công bố kết quả)')
    .action((options: { campaign: string }) =>
      run('chuyển học sinh trúng tuyển sang cơ sở dữ liệu ngành', async (db, scope) => {
        const { handOverToRegistry } = await import('./hand-over.ts');
        const answer = await handOverToRegistry(db, scope, options.campaign);
        for (const s of answer.bySchool)
          console.error(
            `${s.schoolCode} ${s.schoolName}: chuyển mới ${s.sent}, đã có từ trước ${s.alreadyThere}`,
          );
        for (const p of answer.notSent) console.error(`chưa chuyển ${p.code}: ${p.reason}`);
        return {
          sent: answer.sent,
          alreadyThere: answer.alreadyThere,
          schools: answer.bySchool.length,
          notSent: answer.notSent.length,
        };
      }),
    );

  admissions
    .command('publish <campaign>')
    .description('Công bố kết quả xét tuyển')
    .action((campaignId: string) =>
      run('công bố kết quả tuyển sinh', async (db, scope) => {
        const { publishResults } = await import('./publish-results.ts');
        const c = await publishResults(db, scope, campaignId);
        return { campaign: c.id, status: c.status };
      }),
    );
}
