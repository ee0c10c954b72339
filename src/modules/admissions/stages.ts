import type { ProgramTrack } from '../../db/schema.ts';

/**
 * Grade-10 admissions in two stages (TT 30/2024/TT-BGDĐT Điều 13; Hà Nội and
 * TP.HCM allocate their specialised schools first): specialised (chuyên) and
 * integrated (tích hợp) programs, then the regular ones. A candidate admitted
 * in the first stage who confirms leaves the second; one not admitted,
 * declining, or silent by the first stage's deadline goes on with their
 * regular preferences.
 */
export type Stage = 'specialised' | 'regular';

export const TRACKS: readonly ProgramTrack[] = ['regular', 'specialised', 'integrated'];

/** The stage a program's track is allocated in. */
export function stageOf(track: ProgramTrack): Stage {
  return track === 'regular' ? 'regular' : 'specialised';
}

/** Whether a campaign has a first stage at all (one specialised or integrated program). */
export function hasSpecialisedStage(programs: readonly { track: ProgramTrack }[]): boolean {
  return programs.some((p) => p.track !== 'regular');
}

/** The track column of programs.csv: the English ids or the usual Vietnamese words. */
export function readTrack(text: string | undefined): ProgramTrack | null {
  const t = (text ?? '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
  if (t === '' || t === 'regular' || t === 'thuong' || t === 'dai tra') return 'regular';
  if (t === 'specialised' || t === 'specialized' || t === 'chuyen') return 'specialised';
  if (t === 'integrated' || t === 'tich hop' || t === 'tich-hop') return 'integrated';
  return null;
}
