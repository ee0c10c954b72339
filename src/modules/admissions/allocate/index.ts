export { allocate, lotteryOrder } from './engine.ts';
export {
  explainPrograms,
  forEachMiss,
  type CandidateMiss,
  type ProgramExplanation,
} from './explain.ts';
export {
  allocateFiles,
  loadInstance,
  writeResultFiles,
  EXPLAIN_HEADER,
  type AllocateFilesSummary,
} from './files.ts';
export { parseApplications, parseHundredths, parsePrograms } from './parse.ts';
export {
  AllocationInputError,
  formatHundredths,
  type AllocationInstance,
  type AllocationOptions,
  type AllocationResult,
  type TiePolicy,
} from './types.ts';
