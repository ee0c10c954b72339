import type { FacilityItem, FacilityTotals } from '../contract.ts';
import { ROOM_CONDITIONS, ROOM_TYPES } from '../labels.ts';

/** Rooms one line may count. */
export const MAX_ROOM_COUNT = 10_000;
export const MAX_AREA_M2 = 1_000_000;

/** Rooms and area of a year's lines, in all and by condition and type. */
export function totalsOf(items: FacilityItem[]): FacilityTotals {
  const totals: FacilityTotals = {
    rooms: 0,
    byCondition: { solid: 0, semi_solid: 0, temporary: 0 },
    byType: {},
    areaM2: 0,
  };
  for (const item of items) {
    totals.rooms += item.count;
    totals.byCondition[item.condition] += item.count;
    totals.byType[item.roomType] = (totals.byType[item.roomType] ?? 0) + item.count;
    totals.areaM2 += item.areaM2 ?? 0;
  }
  totals.areaM2 = Math.round(totals.areaM2 * 10) / 10;
  return totals;
}

/** The lines in the order of the room-type and condition catalogues. */
export const itemOrder = (a: FacilityItem, b: FacilityItem) =>
  ROOM_TYPES.indexOf(a.roomType) - ROOM_TYPES.indexOf(b.roomType) ||
  ROOM_CONDITIONS.indexOf(a.condition) - ROOM_CONDITIONS.indexOf(b.condition);
