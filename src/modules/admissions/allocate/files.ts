import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { allocate } from './engine.ts';
import { forEachMiss, explainPrograms, maxListLength } from './explain.ts';
import { fileLines, parseApplications, parsePrograms, type LineSource } from './parse.ts';
import {
  AllocationInputError,
  formatHundredths,
  type AllocationOptions,
  type AllocationResult,
  type AllocationInstance,
} from './types.ts';

/** Buffered line writer: millions of rows without a string per file in memory. */
class CsvWriter {
  private chunks: string[] = [];
  private pending = 0;
  private readonly fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  line(text: string) {
    this.chunks.push(text);
    if (++this.pending >= 20_000) this.flush();
  }
  flush() {
    if (this.chunks.length) writeSync(this.fd, this.chunks.join('\n') + '\n');
    this.chunks = [];
    this.pending = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

export interface AllocateFilesInput {
  programsFile: string;
  applicationsFile: string;
  outDir: string;
  explainFile?: string | undefined;
  options: AllocationOptions;
}

export interface AllocateFilesSummary {
  candidates: number;
  applications: number;
  programs: number;
  admitted: number;
  allocateMs: number;
}

/** Streams a file's lines; a missing or unreadable file is bad input like any other. */
function lines(file: string): LineSource {
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new AllocationInputError(basename(file), 1, 'không mở được tệp để đọc');
  }
  return fileLines(file);
}

export function loadInstance(programsFile: string, applicationsFile: string): AllocationInstance {
  const programs = parsePrograms(lines(programsFile), basename(programsFile));
  return parseApplications(lines(applicationsFile), programs, basename(applicationsFile));
}

/**
 * Reads, allocates and writes the contract's files. Bad input throws
 * AllocationInputError before anything is written; outputs are written to
 * temporary names and renamed at the end, so no partial output is ever left.
 */
export function allocateFiles(input: AllocateFilesInput): AllocateFilesSummary {
  const instance = loadInstance(input.programsFile, input.applicationsFile);
  const result = allocate(instance, input.options);
  mkdirSync(input.outDir, { recursive: true });
  const targets: [string, string][] = [];
  const temp = (final: string) => {
    const t = `${final}.tmp-${process.pid}`;
    targets.push([t, final]);
    return t;
  };
  try {
    writeAssignments(temp(join(input.outDir, 'assignments.csv')), instance, result);
    writeCutoffs(temp(join(input.outDir, 'cutoffs.csv')), instance, result);
    if (input.explainFile) writeExplain(temp(input.explainFile), instance, result, input.options);
    for (const [t, final] of targets) renameSync(t, final);
  } catch (error) {
    for (const [t] of targets) rmSync(t, { force: true });
    throw error;
  }
  let admitted = 0;
  for (const n of result.admitted) admitted += n;
  return {
    candidates: instance.candidateIds.length,
    applications: instance.appProgram.length,
    programs: instance.programIds.length,
    admitted,
    allocateMs: Math.round(result.allocateMs * 10) / 10,
  };
}

/**
 * Writes assignments.csv and cutoffs.csv of an allocation already made (the
 * campaign's allocate-campaign), under temporary names renamed at the end.
 */
export function writeResultFiles(
  outDir: string,
  instance: AllocationInstance,
  result: AllocationResult,
): void {
  mkdirSync(outDir, { recursive: true });
  const pairs: [string, string][] = [
    [join(outDir, `assignments.csv.tmp-${process.pid}`), join(outDir, 'assignments.csv')],
    [join(outDir, `cutoffs.csv.tmp-${process.pid}`), join(outDir, 'cutoffs.csv')],
  ];
  try {
    writeAssignments(pairs[0]![0], instance, result);
    writeCutoffs(pairs[1]![0], instance, result);
    for (const [t, final] of pairs) renameSync(t, final);
  } catch (error) {
    for (const [t] of pairs) rmSync(t, { force: true });
    throw error;
  }
}

function writeAssignments(path: string, instance: AllocationInstance, result: AllocationResult) {
  const out = new CsvWriter(path);
  out.line('candidate,program,rank');
  for (let c = 0; c < instance.candidateIds.length; c++) {
    const a = result.assignedApp[c]!;
    out.line(
      a === -1
        ? `${instance.candidateIds[c]},,`
        : `${instance.candidateIds[c]},${instance.programIds[instance.appProgram[a]!]},${a - instance.appStart[c]! + 1}`,
    );
  }
  out.close();
}

function writeCutoffs(path: string, instance: AllocationInstance, result: AllocationResult) {
  const out = new CsvWriter(path);
  out.line('program,quota,admitted,cutoff');
  for (let p = 0; p < instance.programIds.length; p++)
    out.line(
      `${instance.programIds[p]},${instance.quotas[p]},${result.admitted[p]},${result.hasCutoff[p] ? formatHundredths(result.cutoff[p]!) : ''}`,
    );
  out.close();
}

/** Columns documented in docs/admissions-allocation.md. */
export const EXPLAIN_HEADER = 'kind,candidate,program,rank,score,priority,cutoff,needed,result';

function writeExplain(
  path: string,
  instance: AllocationInstance,
  result: AllocationResult,
  options: AllocationOptions,
) {
  const out = new CsvWriter(path);
  out.line(EXPLAIN_HEADER);
  for (const e of explainPrograms(instance, result, options, maxListLength(instance))) {
    const id = instance.programIds[e.program];
    if (e.cutoff === null) {
      out.line(`program,,${id},,,,,,${e.full ? 'full' : 'open'}`);
      continue;
    }
    e.neededByRank.forEach((needed, k) =>
      out.line(
        `program,,${id},${k + 1},,,${formatHundredths(e.cutoff!)},${formatHundredths(needed)},${e.full ? 'full' : 'open'}`,
      ),
    );
  }
  forEachMiss(instance, result, options, (m) =>
    out.line(
      `candidate,${instance.candidateIds[m.candidate]},${instance.programIds[m.program]},${m.rank},${formatHundredths(m.score)},${formatHundredths(m.priority)},${formatHundredths(m.cutoff)},${formatHundredths(m.needed)},${m.reason}`,
    ),
  );
  out.close();
}
