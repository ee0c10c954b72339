/**
 * The indicators module's value names in vi and en (plain data: the web
 * imports it without zod). The definitions themselves are in definitions.ts.
 */

export type IndicatorUnit = 'percent' | 'ratio';
export type TargetStatus = 'on_track' | 'at_risk' | 'missed';

export const TARGET_STATUS_LABELS: Record<TargetStatus, { vi: string; en: string }> = {
  on_track: { vi: 'Đạt', en: 'On track' },
  at_risk: { vi: 'Chưa đạt, còn thời hạn', en: 'At risk' },
  missed: { vi: 'Không đạt', en: 'Missed' },
};
