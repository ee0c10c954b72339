import { InvalidArgumentError, type Command } from 'commander';
import { registerCampaignCommands } from './campaign-cli.ts';

function hundredths(value: string): number {
  if (!/^\d+(\.\d{1,2})?$/.test(value))
    throw new InvalidArgumentError('cần một số ≥ 0, tối đa 2 chữ số thập phân.');
  const [whole, frac = ''] = value.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function registerAdmissionsCommands(program: Command): void {
  const admissions =
    program.commands.find((c) => c.name() === 'admissions') ??
    program.command('admissions').description('Tuyển sinh');
  admissions
    .command('allocate')
    .description('Xét tuyển theo nguyện vọng và chỉ tiêu (docs/formats/admissions-allocation.md)')
    .requiredOption('--programs <file>', 'programs.csv: chương trình và chỉ tiêu')
    .requiredOption('--applications <file>', 'applications.csv: nguyện vọng và điểm')
    .requiredOption('--out <dir>', 'thư mục ghi assignments.csv và cutoffs.csv')
    .option(
      '--rank-penalty <D>',
      'điểm cộng thêm cần có cho mỗi nguyện vọng sau (D)',
      hundredths,
      0,
    )
    .option('--ties <policy>', 'admit-all | tiebreak', 'admit-all')
    .option(
      '--seed <n>',
      'hạt giống bốc thăm (tiebreak)',
      (v) => {
        if (!/^\d+$/.test(v)) throw new InvalidArgumentError('cần số nguyên ≥ 0.');
        return Number(v);
      },
      1,
    )
    .option('--explain <file>', 'ghi giải thích kết quả (CSV, xem docs/admissions-allocation.md)')
    .action(
      async (options: {
        programs: string;
        applications: string;
        out: string;
        rankPenalty: number;
        ties: string;
        seed: number;
        explain?: string;
      }) => {
        if (options.ties !== 'admit-all' && options.ties !== 'tiebreak') {
          console.error(`--ties "${options.ties}" không hợp lệ: cần admit-all hoặc tiebreak.`);
          process.exitCode = 2;
          return;
        }
        // Loaded here: `sogd --help` need not load the engine.
        const { AllocationInputError, allocateFiles } = await import('./allocate/index.ts');
        try {
          const summary = allocateFiles({
            programsFile: options.programs,
            applicationsFile: options.applications,
            outDir: options.out,
            explainFile: options.explain,
            options: {
              rankPenalty: options.rankPenalty,
              ties: options.ties,
              seed: options.seed,
            },
          });
          console.log(JSON.stringify(summary));
        } catch (error) {
          if (error instanceof AllocationInputError) {
            console.error(error.message);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      },
    );
  registerCampaignCommands(admissions);
}
