import type { Command } from 'commander';

export function registerAccreditationCommands(program: Command): void {
  program
    .command('accreditation-sets')
    .description('Các bộ tiêu chuẩn kiểm định, chuẩn quốc gia có sẵn: căn cứ, hiệu lực, độ tin cậy')
    .action(async () => {
      // Lazy: `sogd --help` loads no set data.
      const { STANDARD_SETS, criteriaOf } = await import('./sets/index.ts');
      for (const set of STANDARD_SETS) {
        console.log(`${set.id}  ${set.name}`);
        console.log(
          `  ${set.standards.length} tiêu chuẩn, ${criteriaOf(set).length} tiêu chí, ${set.criterionLevels} mức; hiệu lực từ ${set.effectiveFrom}${set.effectiveTo ? ` đến ${set.effectiveTo}` : ''}`,
        );
        console.log(`  Độ tin cậy: ${set.confidence}. ${set.confidenceNote}`);
      }
    });
}
