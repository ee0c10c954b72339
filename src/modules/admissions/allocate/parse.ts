import { closeSync, openSync, readSync } from 'node:fs';
import { AllocationInputError, type AllocationInstance } from './types.ts';

/**
 * Parsers for programs.csv and applications.csv, byte by byte over the file's
 * Buffer (millions of rows: no per-row objects or regular expressions on the
 * hot path). Every problem names the file and line, in Vietnamese.
 */

const ID_MAX = 64;
const COMMA = 44;
const LF = 10;
const CR = 13;

function isIdByte(b: number): boolean {
  return (
    (b >= 48 && b <= 57) ||
    (b >= 65 && b <= 90) ||
    (b >= 97 && b <= 122) ||
    b === 45 ||
    b === 95 ||
    b === 46
  );
}

/** Feeds every line (without CR/LF) with its 1-based number: the header is line 1. */
export type LineSource = (
  each: (buf: Buffer, start: number, end: number, line: number) => void,
) => void;

function scanLines(
  buf: Buffer,
  from: number,
  line: number,
  each: (buf: Buffer, start: number, end: number, line: number) => void,
  final: boolean,
): { consumed: number; line: number } {
  let start = from;
  const n = buf.length;
  while (start < n) {
    const newline = buf.indexOf(LF, start);
    if (newline === -1 && !final) break;
    const end = newline === -1 ? n : newline;
    let stop = end;
    if (stop > start && buf[stop - 1] === CR) stop--;
    each(buf, start, stop, line++);
    start = end + 1;
  }
  return { consumed: Math.min(start, n), line };
}

/** Lines of a Buffer already in memory. */
export function bufferLines(buf: Buffer): LineSource {
  return (each) => void scanLines(buf, 0, 1, each, true);
}

/**
 * Lines of a file read in chunks: the file is never held whole, and a line
 * cut by a chunk boundary is carried into the next chunk.
 */
export function fileLines(path: string, chunkBytes = 8 << 20): LineSource {
  return (each) => {
    const fd = openSync(path, 'r');
    try {
      let buffer = Buffer.allocUnsafe(chunkBytes);
      let filled = 0;
      let line = 1;
      for (;;) {
        if (filled === buffer.length) {
          // One line longer than the buffer: grow it.
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger, 0, 0, filled);
          buffer = bigger;
        }
        const read = readSync(fd, buffer, filled, buffer.length - filled, null);
        const final = read === 0;
        filled += read;
        const view = buffer.subarray(0, filled);
        const scanned = scanLines(view, 0, line, each, final);
        line = scanned.line;
        if (final) return;
        buffer.copy(buffer, 0, scanned.consumed, filled);
        filled -= scanned.consumed;
      }
    } finally {
      closeSync(fd);
    }
  };
}

/** Fields of one line as [start, end) pairs into `out`; returns the field count. */
function splitFields(buf: Buffer, start: number, end: number, out: Int32Array): number {
  let count = 0;
  let fieldStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || buf[i] === COMMA) {
      if (count * 2 + 1 < out.length) {
        out[count * 2] = fieldStart;
        out[count * 2 + 1] = i;
      }
      count++;
      fieldStart = i + 1;
    }
  }
  return count;
}

/**
 * Parses a decimal with at most two decimals into hundredths; NaN if malformed.
 * Accepts "27", "27.5", "27.50"; with allowNegative, "-3.25".
 */
export function parseHundredths(
  buf: Buffer,
  start: number,
  end: number,
  allowNegative: boolean,
): number {
  let i = start;
  let negative = false;
  if (allowNegative && i < end && buf[i] === 45) {
    negative = true;
    i++;
  }
  let whole = 0;
  let digits = 0;
  while (i < end && buf[i]! >= 48 && buf[i]! <= 57) {
    whole = whole * 10 + (buf[i]! - 48);
    digits++;
    i++;
  }
  if (digits === 0 || digits > 9) return NaN;
  let frac = 0;
  if (i < end) {
    if (buf[i] !== 46) return NaN;
    i++;
    let fracDigits = 0;
    while (i < end && buf[i]! >= 48 && buf[i]! <= 57 && fracDigits < 3) {
      frac = frac * 10 + (buf[i]! - 48);
      fracDigits++;
      i++;
    }
    if (fracDigits === 0 || fracDigits > 2 || i !== end) return NaN;
    if (fracDigits === 1) frac *= 10;
  }
  const value = whole * 100 + frac;
  // Scores and tiebreaks are held in Int32 hundredths.
  if (value > 2_147_483_647) return NaN;
  return negative ? -value : value;
}

function readId(buf: Buffer, start: number, end: number): string | null {
  if (end <= start || end - start > ID_MAX) return null;
  for (let i = start; i < end; i++) if (!isIdByte(buf[i]!)) return null;
  return buf.toString('latin1', start, end);
}

function header(
  buf: Buffer,
  start: number,
  end: number,
  file: string,
  expected: string[],
  optional: string[],
): Map<string, number> {
  let text = buf.toString('utf8', start, end);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const names = text.split(',').map((name) => name.trim());
  const columns = new Map<string, number>();
  names.forEach((name, i) => {
    if (![...expected, ...optional].includes(name))
      throw new AllocationInputError(
        file,
        1,
        `cột "${name.slice(0, 40)}" không có trong định dạng (cần ${expected.join(',')}${optional.length ? `[,${optional.join(',')}]` : ''}); tệp có phải CSV đúng định dạng không?`,
      );
    if (columns.has(name)) throw new AllocationInputError(file, 1, `cột "${name}" lặp lại`);
    columns.set(name, i);
  });
  for (const name of expected)
    if (!columns.has(name)) throw new AllocationInputError(file, 1, `thiếu cột "${name}"`);
  return columns;
}

export interface ParsedPrograms {
  programIds: string[];
  quotas: Int32Array;
  index: Map<string, number>;
}

export function parsePrograms(input: Buffer | LineSource, file = 'programs.csv'): ParsedPrograms {
  const source = Buffer.isBuffer(input) ? bufferLines(input) : input;
  let cProgram = 0;
  let cQuota = 0;
  let width = 0;
  let sawHeader = false;
  const programIds: string[] = [];
  const quotaList: number[] = [];
  const index = new Map<string, number>();
  let fields = new Int32Array(0);
  source((body, start, end, line) => {
    if (line === 1) {
      const columns = header(body, start, end, file, ['program', 'quota'], []);
      cProgram = columns.get('program')!;
      cQuota = columns.get('quota')!;
      width = columns.size;
      fields = new Int32Array(2 * width + 2);
      sawHeader = true;
      return;
    }
    if (end === start) return; // blank line
    const count = splitFields(body, start, end, fields);
    if (count !== width)
      throw new AllocationInputError(file, line, `cần ${width} cột, có ${count}`);
    const id = readId(body, fields[cProgram * 2]!, fields[cProgram * 2 + 1]!);
    if (id === null)
      throw new AllocationInputError(
        file,
        line,
        'mã chương trình cần 1–64 ký tự: chữ cái, chữ số, "-", "_", "."',
      );
    if (index.has(id)) throw new AllocationInputError(file, line, `chương trình "${id}" lặp lại`);
    const qs = fields[cQuota * 2]!;
    const qe = fields[cQuota * 2 + 1]!;
    const quotaText = body.toString('latin1', qs, qe);
    if (!/^-?\d+$/.test(quotaText))
      throw new AllocationInputError(
        file,
        line,
        `chỉ tiêu "${quotaText.slice(0, 20)}" phải là số nguyên`,
      );
    const quota = Number(quotaText);
    if (quota < 0)
      throw new AllocationInputError(file, line, `chỉ tiêu ${quota} âm: cần số nguyên ≥ 0`);
    if (quota > 2_000_000_000) throw new AllocationInputError(file, line, 'chỉ tiêu quá lớn');
    index.set(id, programIds.length);
    programIds.push(id);
    quotaList.push(quota);
  });
  if (!sawHeader) throw new AllocationInputError(file, 1, 'tệp rỗng: cần dòng tiêu đề');
  if (programIds.length === 0) throw new AllocationInputError(file, 2, 'không có chương trình nào');
  return { programIds, quotas: Int32Array.from(quotaList), index };
}

/** Growable Int32 column. */
class Column {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

export function parseApplications(
  input: Buffer | LineSource,
  programs: ParsedPrograms,
  file = 'applications.csv',
): AllocationInstance {
  const source = Buffer.isBuffer(input) ? bufferLines(input) : input;
  let cCand = 0;
  let cRank = 0;
  let cProg = 0;
  let cScore = 0;
  let cTie: number | undefined;
  let width = 0;
  let sawHeader = false;
  let fields = new Int32Array(0);
  const candidateIndex = new Map<string, number>();
  const candidateNames: string[] = [];
  const rowCand = new Column();
  const rowRank = new Column();
  const rowProg = new Column();
  const rowScore = new Column();
  const rowTie = new Column();
  const rowLine = new Column();
  source((body, start, end, line) => {
    if (line === 1) {
      const columns = header(
        body,
        start,
        end,
        file,
        ['candidate', 'rank', 'program', 'score'],
        ['tiebreak'],
      );
      cCand = columns.get('candidate')!;
      cRank = columns.get('rank')!;
      cProg = columns.get('program')!;
      cScore = columns.get('score')!;
      cTie = columns.get('tiebreak');
      width = columns.size;
      fields = new Int32Array(2 * width + 2);
      sawHeader = true;
      return;
    }
    if (end === start) return;
    const count = splitFields(body, start, end, fields);
    if (count !== width)
      throw new AllocationInputError(file, line, `cần ${width} cột, có ${count}`);
    const candidate = readId(body, fields[cCand * 2]!, fields[cCand * 2 + 1]!);
    if (candidate === null)
      throw new AllocationInputError(
        file,
        line,
        'mã thí sinh cần 1–64 ký tự: chữ cái, chữ số, "-", "_", "."',
      );
    const rank = parseHundredths(body, fields[cRank * 2]!, fields[cRank * 2 + 1]!, false);
    if (
      !Number.isInteger(rank) ||
      rank % 100 !== 0 ||
      rank < 100 ||
      body[fields[cRank * 2 + 1]! - 1] === 46
    )
      throw new AllocationInputError(
        file,
        line,
        `nguyện vọng "${body.toString('latin1', fields[cRank * 2], fields[cRank * 2 + 1]).slice(0, 20)}" phải là số nguyên ≥ 1`,
      );
    const programId = body.toString('latin1', fields[cProg * 2], fields[cProg * 2 + 1]);
    const program = programs.index.get(programId);
    if (program === undefined)
      throw new AllocationInputError(
        file,
        line,
        `chương trình "${programId.slice(0, 64)}" không có trong programs.csv`,
      );
    const ss = fields[cScore * 2]!;
    const se = fields[cScore * 2 + 1]!;
    const score = parseHundredths(body, ss, se, false);
    if (Number.isNaN(score)) {
      const text = body.toString('latin1', ss, se).slice(0, 20);
      throw new AllocationInputError(
        file,
        line,
        text.startsWith('-')
          ? `điểm ${text} âm: điểm phải ≥ 0`
          : `điểm "${text}" không hợp lệ: cần số ≥ 0, tối đa 2 chữ số thập phân`,
      );
    }
    let tie = 0;
    if (cTie !== undefined) {
      tie = parseHundredths(body, fields[cTie * 2]!, fields[cTie * 2 + 1]!, true);
      if (Number.isNaN(tie))
        throw new AllocationInputError(
          file,
          line,
          `tiebreak "${body.toString('latin1', fields[cTie * 2], fields[cTie * 2 + 1]).slice(0, 20)}" không hợp lệ: cần một số, tối đa 2 chữ số thập phân`,
        );
    }
    let c = candidateIndex.get(candidate);
    if (c === undefined) {
      c = candidateNames.length;
      candidateIndex.set(candidate, c);
      candidateNames.push(candidate);
    }
    rowCand.push(c);
    rowRank.push(rank / 100);
    rowProg.push(program);
    rowScore.push(score);
    rowTie.push(tie);
    rowLine.push(line);
  });
  if (!sawHeader) throw new AllocationInputError(file, 1, 'tệp rỗng: cần dòng tiêu đề');
  const rows = rowCand.length;
  const candidates = candidateNames.length;

  // Candidates in byte order of their ids: the output order, and the lottery's domain.
  const order = candidateNames.map((_, i) => i);
  order.sort((a, b) =>
    candidateNames[a]! < candidateNames[b]! ? -1 : candidateNames[a]! > candidateNames[b]! ? 1 : 0,
  );
  const sortedIndex = new Int32Array(candidates);
  order.forEach((original, sorted) => (sortedIndex[original] = sorted));

  const countOf = new Int32Array(candidates + 1);
  for (let r = 0; r < rows; r++) countOf[sortedIndex[rowCand.data[r]!]! + 1]!++;
  const appStart = new Int32Array(candidates + 1);
  for (let c = 0; c < candidates; c++) appStart[c + 1] = appStart[c]! + countOf[c + 1]!;
  const appProgram = new Int32Array(rows).fill(-1);
  const appScore = new Int32Array(rows);
  const appTiebreak = cTie !== undefined ? new Int32Array(rows) : null;
  const appLine = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = sortedIndex[rowCand.data[r]!]!;
    const rank = rowRank.data[r]!;
    const k = appStart[c + 1]! - appStart[c]!;
    const line = rowLine.data[r]!;
    const name = candidateNames[rowCand.data[r]!]!;
    if (rank > k)
      throw new AllocationInputError(
        file,
        line,
        `thí sinh "${name}" có nguyện vọng ${rank} nhưng chỉ có ${k} nguyện vọng: thứ tự phải liên tục 1..${k}`,
      );
    const slot = appStart[c]! + rank - 1;
    if (appProgram[slot] !== -1)
      throw new AllocationInputError(
        file,
        line,
        `thí sinh "${name}" có hai dòng nguyện vọng ${rank} (dòng ${appLine[slot]} và dòng ${line})`,
      );
    appProgram[slot] = rowProg.data[r]!;
    appScore[slot] = rowScore.data[r]!;
    if (appTiebreak) appTiebreak[slot] = rowTie.data[r]!;
    appLine[slot] = line;
  }
  // A program listed twice by one candidate.
  const seenBy = new Int32Array(programs.programIds.length).fill(-1);
  for (let c = 0; c < candidates; c++) {
    for (let a = appStart[c]!; a < appStart[c + 1]!; a++) {
      const p = appProgram[a]!;
      if (seenBy[p] === c)
        throw new AllocationInputError(
          file,
          appLine[a]!,
          `thí sinh "${candidateNames[order[c]!]}" đăng ký chương trình "${programs.programIds[p]}" hai lần`,
        );
      seenBy[p] = c;
    }
  }
  if (candidates === 0) throw new AllocationInputError(file, 2, 'không có nguyện vọng nào');
  return {
    programIds: programs.programIds,
    quotas: programs.quotas,
    candidateIds: order.map((i) => candidateNames[i]!),
    appStart,
    appProgram,
    appScore,
    appTiebreak,
  };
}
